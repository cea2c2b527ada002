package nl.monitor.notification.channel.webhook;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.monitor.notification.config.WebhookConfig;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Webhook secrets at rest: AES-256-GCM with a key from configuration ({@code notification.webhook.secret-keys}, a
 * Secret in production), stored as {@code v1:<key id>:<base64(12-byte nonce | ciphertext | tag)>}. The key id in the
 * stored text names the key that opens it, so several keys can be configured during a key rotation; new secrets are
 * sealed with {@code notification.webhook.secret-key-id}. A stored text that is not sealed (a {@code whsec_} secret
 * stored before encryption) is returned as it is until it is sealed ({@code SecretHousekeeping}, at start).
 */
@ApplicationScoped
@Unremovable // looked up by SealedSecret, which Hibernate creates
public class SecretCipher {

    static final String VERSION = "v1";
    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds a ciphertext to its purpose: it opens as a webhook secret only. */
    private static final byte[] CONTEXT = "monitor webhook secret".getBytes(StandardCharsets.UTF_8);

    private final Map<String, SecretKeySpec> keys;
    private final String currentId;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretCipher(WebhookConfig config) {
        this(config.secretKeys(), config.secretKeyId());
    }

    SecretCipher(Iterable<String> keyList, String currentId) {
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        for (String entry : keyList) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("notification.webhook.secret-keys: an entry is not <id>:<base64 key>");
            }
            String id = entry.substring(0, colon).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("notification.webhook.secret-keys: key " + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("notification.webhook.secret-keys: key " + id + " has "
                        + key.length + " bytes; AES-256 needs 32 (openssl rand -base64 32)");
            }
            parsed.put(id, new SecretKeySpec(key, "AES"));
        }
        if (!parsed.containsKey(currentId)) {
            throw new IllegalArgumentException("notification.webhook.secret-key-id " + currentId
                    + " is not among the ids of notification.webhook.secret-keys " + parsed.keySet());
        }
        this.keys = Map.copyOf(parsed);
        this.currentId = currentId;
    }

    /** The secret sealed with the current key. */
    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + currentId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    /** The secret in a stored text; a text that is not sealed is returned as it is. */
    public String open(String stored) {
        if (stored == null || !sealed(stored)) {
            return stored;
        }
        String[] parts = stored.split(":", 3);
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("A webhook secret is sealed with key " + parts[1]
                    + ", which notification.webhook.secret-keys does not hold");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored webhook secret cannot be decrypted with key " + parts[1], e);
        }
    }

    /** Whether a stored text is sealed with the current key (else it is sealed again at start). */
    public boolean sealedWithCurrentKey(String stored) {
        return stored != null && stored.startsWith(VERSION + ":" + currentId + ":");
    }

    static boolean sealed(String stored) {
        return stored.startsWith(VERSION + ":");
    }
}
