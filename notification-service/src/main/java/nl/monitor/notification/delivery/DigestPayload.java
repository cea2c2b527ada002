package nl.monitor.notification.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * The body of a daily digest: the alerts that waited for it, each as its own call would have carried it.
 *
 * @param deliveryId the same as the {@code webhook-id} header; derived from the deliveries it carries, so a retry of
 *                   the same digest carries the same id
 */
@Schema(description = "The body of a daily digest")
public record DigestPayload(UUID deliveryId, String type, String region, List<WebhookPayload> alerts) {

    public static final String TYPE = "digest";
}
