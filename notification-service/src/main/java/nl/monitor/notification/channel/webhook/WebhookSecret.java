package nl.monitor.notification.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A signing secret as the Standard Webhooks specification writes it: {@code whsec_} followed by the standard base64
 * (with padding) of the key bytes; the HMAC key is the decoded bytes. The standard libraries load this text as it is
 * ({@code new Webhook(secret)}).
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    /** What the service generates: 32 random bytes. */
    static final int GENERATED_BYTES = 32;
    /** The key sizes the specification allows for a secret given by the subscriber. */
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key.clone();
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The secret written as {@code whsec_<base64>}; empty when the text is not of that form. */
    public static Optional<WebhookSecret> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            return key.length == 0 ? Optional.empty() : Optional.of(new WebhookSecret(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A stored secret; every stored secret has the {@code whsec_} form (migration V6 converted the older ones). */
    public static WebhookSecret stored(String text) {
        return parse(text).orElseThrow(() -> new IllegalStateException("A stored webhook secret is not whsec_<base64>"));
    }

    /**
     * A secret in the form this service used before the standard (plain text, whose UTF-8 bytes were the key), as the
     * standard writes it: the same key, so signatures do not change.
     */
    public static WebhookSecret ofLegacyText(String text) {
        return new WebhookSecret(text.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return key.length;
    }

    /** {@code whsec_} + base64 of the key: what is stored and shown to the subscriber. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && MessageDigest.isEqual(key, secret.key);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + key.length + " bytes]";
    }
}
