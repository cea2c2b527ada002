package nl.monitor.notification.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as the API shows it. The secret is never shown again, except once in the answer to the POST that
 * generated it.
 */
@Schema(description = "A webhook subscription")
public record SubscriptionView(UUID id, String region, Channel channel, String url, String description, String owner,
                               Instant createdAt, SubscriptionFilter filter,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "only in the 201 answer, and only when the service generated it")
                               String secret) {

    public static SubscriptionView of(Subscription s, SubscriptionFilter filter) {
        return new SubscriptionView(s.id, s.region, s.channel, s.url, s.description, s.owner, s.createdAt, filter,
                null);
    }

    public SubscriptionView withSecret(String generated) {
        return new SubscriptionView(id, region, channel, url, description, owner, createdAt, filter, generated);
    }
}
