package nl.monitor.notification.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.channel.webhook.WebhookUrls;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as the API shows it: never its secret, except once in the answer that created it when the service
 * generated it. Only the address of its own channel is present: {@code url} for a webhook, {@code email} for e-mail,
 * {@code streamPath} (where to connect) for a live stream. The webhook URL in full only to the subscription's owner
 * and admins ({@link #forViewer}); others see its scheme and host.
 */
@Schema(description = "A subscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String region, Channel channel, String url, String email, String streamPath,
                               boolean digest, String description, String owner, Instant createdAt,
                               SubscriptionFilter filter,
                               @Schema(description = "WEBHOOK after a secret rotation: until then calls carry a "
                                       + "second signature, made with the previous secret")
                               Instant previousSecretValidUntil,
                               @Schema(description = "WEBHOOK, only in the 201 answer, when the service generated the secret or "
                                       + "converted a plain-text one to the standard whsec_ form")
                               String secret) {

    public static SubscriptionView of(Subscription s, SubscriptionFilter filter) {
        String streamPath = s.channel == Channel.STREAM ? "/api/subscriptions/" + s.id + "/stream" : null;
        Instant overlapEnds = s.previousSecretUntil != null && s.previousSecretUntil.isAfter(Instant.now())
                ? s.previousSecretUntil : null;
        return new SubscriptionView(s.id, s.region, s.channel, s.url, s.email, streamPath, s.digest, s.description,
                s.owner, s.createdAt, filter, overlapEnds, null);
    }

    /**
     * As someone else than its owner or an admin sees it: the webhook URL (often a capability) as scheme and host only.
     */
    public SubscriptionView forViewer(boolean ownerOrAdmin) {
        return ownerOrAdmin || url == null ? this : new SubscriptionView(id, region, channel,
                WebhookUrls.redacted(url), email, streamPath, digest, description, owner, createdAt, filter,
                previousSecretValidUntil, secret);
    }

    public SubscriptionView withSecret(String generated) {
        return new SubscriptionView(id, region, channel, url, email, streamPath, digest, description, owner, createdAt,
                filter, previousSecretValidUntil, generated);
    }
}
