package nl.monitor.notification.channel.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.channel.ChannelSender;
import nl.monitor.notification.channel.DeliveryChannel;
import nl.monitor.notification.subscription.SubscriptionRequest;
import nl.monitor.rest.Problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** WEBHOOK: a signed HTTP POST to the subscription's {@code url}, with its {@code secret}. */
@ApplicationScoped
public class WebhookChannel implements DeliveryChannel {

    /** Shorter secrets are too easy to guess; 32 random bytes are generated when none is given. */
    static final int MIN_SECRET_LENGTH = 16;
    private static final int MAX_SECRET_LENGTH = 256;
    private static final int GENERATED_SECRET_BYTES = 32;
    private static final int MAX_URL_LENGTH = 2048;

    private final WebhookSender sender;
    private final SecureRandom random = new SecureRandom();

    public WebhookChannel(WebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Set<String> targetFields() {
        return Set.of("url", "secret");
    }

    @Override
    public void validate(SubscriptionRequest request, List<Problem.FieldError> errors) {
        validateUrl(request.url(), errors);
        if (request.secret() != null && (request.secret().length() < MIN_SECRET_LENGTH
                || request.secret().length() > MAX_SECRET_LENGTH)) {
            errors.add(new Problem.FieldError("secret", "invalid-length", "a secret has " + MIN_SECRET_LENGTH
                    + " to " + MAX_SECRET_LENGTH + " characters; leave it out to have one generated"));
        }
    }

    private static void validateUrl(String url, List<Problem.FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new Problem.FieldError("url", "required", "the webhook URL is required"));
            return;
        }
        String message = "the webhook URL must be an absolute http or https URL with a host, at most "
                + MAX_URL_LENGTH + " characters";
        if (url.length() > MAX_URL_LENGTH) {
            errors.add(new Problem.FieldError("url", "invalid-url", message));
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
                    || !(scheme.equals("http") || scheme.equals("https"))) {
                errors.add(new Problem.FieldError("url", "invalid-url", message));
            }
        } catch (URISyntaxException e) {
            errors.add(new Problem.FieldError("url", "invalid-url", message));
        }
    }

    @Override
    public String storeTarget(SubscriptionRequest request, Subscription subscription) {
        String generated = request.secret() == null ? generateSecret() : null;
        subscription.url = request.url();
        subscription.secret = generated == null ? request.secret() : generated;
        return generated;
    }

    private String generateSecret() {
        byte[] bytes = new byte[GENERATED_SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public ChannelSender sender() {
        return sender;
    }
}
