package nl.monitor.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.Channel;
import nl.monitor.notification.channel.email.EmailChannel;
import nl.monitor.notification.channel.stream.StreamChannel;
import nl.monitor.notification.channel.webhook.WebhookChannel;

/** The one table from a {@link Channel} to its implementation; the switch is exhaustive, so a new channel must be added here. */
@ApplicationScoped
public class Channels {

    private final WebhookChannel webhook;
    private final EmailChannel email;
    private final StreamChannel stream;

    public Channels(WebhookChannel webhook, EmailChannel email, StreamChannel stream) {
        this.webhook = webhook;
        this.email = email;
        this.stream = stream;
    }

    public DeliveryChannel of(Channel channel) {
        return switch (channel) {
            case WEBHOOK -> webhook;
            case EMAIL -> email;
            case STREAM -> stream;
        };
    }
}
