package nl.monitor.notification.channel.stream;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.channel.ChannelSender;
import nl.monitor.notification.channel.DeliveryChannel;
import nl.monitor.notification.subscription.SubscriptionRequest;
import nl.monitor.rest.Problem;

import java.util.List;
import java.util.Set;

/** STREAM: Server-Sent Events on the subscription's own stream; nothing to store, and no digest. */
@ApplicationScoped
public class StreamChannel implements DeliveryChannel {

    private final StreamSender sender;

    public StreamChannel(StreamSender sender) {
        this.sender = sender;
    }

    @Override
    public Channel channel() {
        return Channel.STREAM;
    }

    @Override
    public Set<String> targetFields() {
        return Set.of();
    }

    @Override
    public void validate(SubscriptionRequest request, List<Problem.FieldError> errors) {
        validateOptions(request, errors);
    }

    @Override
    public void validateOptions(SubscriptionRequest request, List<Problem.FieldError> errors) {
        if (request.digestOrDefault()) {
            errors.add(new Problem.FieldError("digest", "not-for-channel",
                    "a live stream has no digest; choose WEBHOOK or EMAIL for a daily digest"));
        }
    }

    @Override
    public String storeTarget(SubscriptionRequest request, Subscription subscription) {
        return null;
    }

    @Override
    public ChannelSender sender() {
        return sender;
    }
}
