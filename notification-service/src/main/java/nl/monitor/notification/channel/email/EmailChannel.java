package nl.monitor.notification.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.channel.ChannelSender;
import nl.monitor.notification.channel.DeliveryChannel;
import nl.monitor.notification.subscription.SubscriptionRequest;
import nl.monitor.rest.Problem;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** EMAIL: a Dutch e-mail over SMTP to the subscription's {@code email} address. */
@ApplicationScoped
public class EmailChannel implements DeliveryChannel {

    private static final int MAX_EMAIL_LENGTH = 254;
    /** A plain address: no display name, no spaces, one @, a dotted domain. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+");

    private final MailSender sender;

    public EmailChannel(MailSender sender) {
        this.sender = sender;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Set<String> targetFields() {
        return Set.of("email");
    }

    @Override
    public void validate(SubscriptionRequest request, List<Problem.FieldError> errors) {
        String email = request.email();
        if (email == null || email.isBlank()) {
            errors.add(new Problem.FieldError("email", "required", "the e-mail address is required"));
        } else if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            errors.add(new Problem.FieldError("email", "invalid-email",
                    "an e-mail address is local-part@domain, at most " + MAX_EMAIL_LENGTH + " characters"));
        }
    }

    @Override
    public String storeTarget(SubscriptionRequest request, Subscription subscription) {
        subscription.email = request.email().strip();
        return null;
    }

    @Override
    public ChannelSender sender() {
        return sender;
    }
}
