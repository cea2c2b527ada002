package nl.monitor.notification.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What may change of an existing subscription: everything but its region, channel and target (a new URL or address is
 * a new subscription, with a secret of its own). Each part replaces the stored one; left out is none (no description,
 * no filter: every crossing of the region, no digest).
 */
@Schema(description = "The new description, filter and digest of a subscription; each replaces the stored one")
public record SubscriptionChange(
        @Schema(examples = "Regional team inbox") String description,
        @Schema(description = "which crossings of the region; left out: all of them") SubscriptionFilter filter,
        @Schema(description = "WEBHOOK and EMAIL: true for one daily digest instead of one message per alert")
        Boolean digest) {

    /** The same options as a request for a subscription of that region and channel, so they are checked as at creation. */
    SubscriptionRequest asRequest(String region, nl.monitor.notification.Channel channel) {
        return new SubscriptionRequest(region, channel, null, null, null, description, filter, digest);
    }
}
