package nl.monitor.notification.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as the API shows it: never its secret, except once in the answer that created it when the service
 * generated it. Only the address of its own channel is present: {@code url} for a webhook, {@code email} for e-mail,
 * {@code streamPath} (where to connect) for a live stream.
 */
@Schema(description = "A subscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String region, Channel channel, String url, String email, String streamPath,
                               boolean digest, String description, String owner, Instant createdAt,
                               SubscriptionFilter filter,
                               @Schema(description = "only in the 201 answer, and only when the service generated it")
                               String secret) {

    public static SubscriptionView of(Subscription s, SubscriptionFilter filter) {
        String streamPath = s.channel == Channel.STREAM ? "/api/subscriptions/" + s.id + "/stream" : null;
        return new SubscriptionView(s.id, s.region, s.channel, s.url, s.email, streamPath, s.digest, s.description,
                s.owner, s.createdAt, filter, null);
    }

    public SubscriptionView withSecret(String generated) {
        return new SubscriptionView(id, region, channel, url, email, streamPath, digest, description, owner, createdAt,
                filter, generated);
    }
}
