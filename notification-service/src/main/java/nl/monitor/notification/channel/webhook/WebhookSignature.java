package nl.monitor.notification.channel.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signing by the Standard Webhooks specification: {@code webhook-signature: v1,<base64(HMAC-SHA256(key,
 * "<webhook-id>.<webhook-timestamp>.<body>"))>}, the key being the secret's decoded bytes, {@code webhook-id} the
 * delivery id and {@code webhook-timestamp} the unix seconds of the attempt. The MAC covers the exact body bytes sent.
 * With several secrets (during a rotation's overlap) the header carries one signature per secret, space-separated.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1,";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} value: one {@code v1,<base64>} per secret, in the order given, space-separated. */
    public static String sign(List<WebhookSecret> secrets, String id, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("A webhook call is signed with at least one secret");
        }
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    public static String sign(WebhookSecret secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
