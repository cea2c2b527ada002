package nl.monitor.notification.subscription;

import nl.monitor.notification.Channel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body of a new subscription. */
@Schema(description = "A subscription to the threshold crossings of one Veilig Thuis region, by one channel")
public record SubscriptionRequest(
        @Schema(examples = "Groningen", required = true, description = "a Veilig Thuis region") String region,
        @Schema(description = "WEBHOOK (the default), EMAIL or STREAM") Channel channel,
        @Schema(examples = "https://alerts.example.org/monitor",
                description = "WEBHOOK only, required there: an absolute http(s) URL the alerts are POSTed to")
        String url,
        @Schema(description = "WEBHOOK only: the HMAC-SHA256 key of the signature, at least 16 characters; "
                + "generated (and returned once) when left out") String secret,
        @Schema(examples = "coordinator@veiligthuis.example.nl", description = "EMAIL only, required there: the "
                + "address the Dutch alert e-mails go to") String email,
        @Schema(examples = "Regional team inbox") String description,
        @Schema(description = "which crossings of the region; left out: all of them") SubscriptionFilter filter,
        @Schema(description = "WEBHOOK and EMAIL: true to get the alerts as one daily digest (at "
                + "notification.digest.at, 07:00 Europe/Amsterdam) instead of one message each") Boolean digest) {

    /** Whether the alerts wait for the daily digest. */
    public boolean digestOrDefault() {
        return Boolean.TRUE.equals(digest);
    }

    /**
     * The fields that say where a channel's messages go, by name (null when not given); each channel takes some of
     * them and refuses the others ({@code not-for-channel}).
     */
    public Map<String, String> targetFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", url);
        fields.put("secret", secret);
        fields.put("email", email);
        return fields;
    }

    /** The channel asked for; a webhook when none is named. */
    public Channel channelOrDefault() {
        return channel == null ? Channel.WEBHOOK : channel;
    }
}
