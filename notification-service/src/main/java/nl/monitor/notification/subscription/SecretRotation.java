package nl.monitor.notification.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The answer to a secret rotation: the new secret, shown this once. */
@Schema(description = "A webhook subscription's new secret")
public record SecretRotation(
        UUID subscriptionId,
        @Schema(description = "the new secret, whsec_ + base64 of 32 random bytes; shown only in this answer")
        String secret,
        @Schema(description = "until then calls carry a second signature, made with the previous secret")
        Instant previousSecretValidUntil) {
}
