package nl.monitor.notification.channel.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.channel.ChannelSender;
import nl.monitor.notification.channel.DeliveryChannel;
import nl.monitor.notification.config.WebhookConfig;
import nl.monitor.notification.subscription.SubscriptionRequest;
import nl.monitor.rest.Problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WEBHOOK: a signed HTTP POST to the subscription's {@code url}, with its {@code secret} by the Standard Webhooks
 * specification. The URL must pass {@link WebhookTargets} (https, public addresses only). The secret is
 * {@code whsec_<base64>}: generated (32 random bytes) when left out, or given in that form (24 to 64 bytes). A plain
 * text secret of 16 to 256 characters (this service's form before the standard) is still taken, as the key of its
 * UTF-8 bytes, and stored and shown in the standard form.
 */
@ApplicationScoped
public class WebhookChannel implements DeliveryChannel {

    static final int MIN_LEGACY_SECRET_LENGTH = 16;
    private static final int MAX_LEGACY_SECRET_LENGTH = 256;
    private static final int MAX_URL_LENGTH = 2048;

    private final WebhookSender sender;
    private final WebhookTargets targets;
    private final Duration rotationOverlap;
    private final SecureRandom random = new SecureRandom();

    public WebhookChannel(WebhookSender sender, WebhookTargets targets, WebhookConfig config) {
        this.sender = sender;
        this.targets = targets;
        this.rotationOverlap = config.rotationOverlap();
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
        if (request.secret() != null && secretOf(request.secret()).isEmpty()) {
            errors.add(new Problem.FieldError("secret", "invalid-secret", "a secret is whsec_ followed by the "
                    + "base64 of " + WebhookSecret.MIN_BYTES + " to " + WebhookSecret.MAX_BYTES + " bytes (Standard "
                    + "Webhooks); leave it out to have one generated"));
        }
    }

    private void validateUrl(String url, List<Problem.FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new Problem.FieldError("url", "required", "the webhook URL is required"));
            return;
        }
        String message = "the webhook URL must be an absolute http or https URL with a host, at most "
                + MAX_URL_LENGTH + " characters";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            errors.add(new Problem.FieldError("url", "invalid-url", message));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (url.length() > MAX_URL_LENGTH || !uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
                || !(scheme.equals("http") || scheme.equals("https"))) {
            errors.add(new Problem.FieldError("url", "invalid-url", message));
            return;
        }
        try {
            targets.check(uri);
        } catch (WebhookTargets.Refused refused) {
            errors.add(new Problem.FieldError("url", refused.code(), refused.getMessage()));
        }
    }

    /** The secret a request gives, in the standard form or the older plain text; empty when it is neither. */
    private static Optional<WebhookSecret> secretOf(String given) {
        if (given.startsWith(WebhookSecret.PREFIX)) {
            return WebhookSecret.parse(given).filter(secret -> secret.length() >= WebhookSecret.MIN_BYTES
                    && secret.length() <= WebhookSecret.MAX_BYTES);
        }
        return given.length() >= MIN_LEGACY_SECRET_LENGTH && given.length() <= MAX_LEGACY_SECRET_LENGTH
                ? Optional.of(WebhookSecret.ofLegacyText(given)) : Optional.empty();
    }

    /** @return the secret in its standard form when the caller did not send exactly that (generated, or converted) */
    @Override
    public String storeTarget(SubscriptionRequest request, Subscription subscription) {
        String secret = (request.secret() == null ? WebhookSecret.generate(random)
                : secretOf(request.secret()).orElseThrow()).encoded();
        subscription.url = request.url();
        subscription.secret = secret;
        return secret.equals(request.secret()) ? null : secret;
    }

    /**
     * Gives the subscription a new generated secret. The one it had still signs calls (as a second signature) until
     * {@code notification.webhook.rotation-overlap} from now; one that was still in its overlap stops at once.
     *
     * @return the new secret, to be shown once
     */
    public String rotateSecret(Subscription subscription, Instant now) {
        String secret = WebhookSecret.generate(random).encoded();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = now.plus(rotationOverlap);
        subscription.secret = secret;
        return secret;
    }

    @Override
    public ChannelSender sender() {
        return sender;
    }
}
