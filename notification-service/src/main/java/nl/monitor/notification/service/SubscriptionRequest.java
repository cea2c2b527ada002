package nl.monitor.notification.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a new subscription. */
@Schema(description = "A webhook subscription to the threshold crossings of one Veilig Thuis region")
public record SubscriptionRequest(
        @Schema(examples = "Groningen", required = true, description = "a Veilig Thuis region") String region,
        @Schema(examples = "https://alerts.example.org/monitor", required = true,
                description = "an absolute http(s) URL the alerts are POSTed to") String url,
        @Schema(description = "the HMAC-SHA256 key of the signature, at least 16 characters; generated (and returned "
                + "once) when left out") String secret,
        @Schema(examples = "Regional team inbox") String description,
        @Schema(description = "which crossings of the region; left out: all of them") SubscriptionFilter filter) {
}
