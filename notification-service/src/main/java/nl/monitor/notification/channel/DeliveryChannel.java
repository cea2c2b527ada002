package nl.monitor.notification.channel;

import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.subscription.SubscriptionRequest;
import nl.monitor.rest.Problem;

import java.util.List;
import java.util.Set;

/**
 * One way of reaching a subscriber: which of a subscription request's target fields it takes, how they are checked
 * and stored, and the sender of its messages. A new channel is a {@link Channel} constant, a package with its
 * implementation of this interface and its sender, its target fields on {@link SubscriptionRequest} (and the
 * subscription), and one arm in {@link Channels}.
 */
public interface DeliveryChannel {

    Channel channel();

    /** The request's target fields this channel takes (see {@link SubscriptionRequest#targetFields()}); any other given is refused. */
    Set<String> targetFields();

    /** Adds an error for each of its target fields that is missing or invalid in the request. */
    void validate(SubscriptionRequest request, List<Problem.FieldError> errors);

    /**
     * Adds an error for each option of the request (not its target) this channel does not take; checked at creation
     * (from {@link #validate}) and when a subscription is changed.
     */
    default void validateOptions(SubscriptionRequest request, List<Problem.FieldError> errors) {
    }

    /**
     * Sets the new subscription's target fields from a valid request.
     *
     * @return a secret to show the caller once, in the answer that created the subscription; null when there is none
     */
    String storeTarget(SubscriptionRequest request, Subscription subscription);

    ChannelSender sender();
}
