package nl.monitor.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Signed JWTs for tests and the local run, from the TEST-ONLY key pair in {@code monitor-test-keys/}. Services
 * verify them with {@link #publicKeyBase64()} and {@link #ISSUER} (quarkus.oidc.public-key / token.issuer) and the
 * audience every service pins ({@link #AUDIENCE}): real signature validation, no identity provider needed. Shaped as
 * Keycloak's tokens of the monitor realm: the caller in {@code sub}, the login name in {@code preferred_username},
 * the roles in {@code groups}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://monitor.local/test-issuer";
    /** The audience of the Monitor APIs (quarkus.oidc.token.audience in rest-support; Keycloak's audience mapper). */
    public static final String AUDIENCE = "monitor-api";
    private static final Duration VALIDITY = Duration.ofHours(12);

    private TestTokens() {
    }

    public static String respondent(String municipalityCode) {
        return builder("respondent-" + municipalityCode, "respondent").claim("municipality", municipalityCode)
                .sign(privateKey("TEST-ONLY-private-key.pem"));
    }

    public static String coordinator(String region) {
        return builder("coordinator-" + region.toLowerCase().replace(' ', '-'), "coordinator").claim("region", region)
                .sign(privateKey("TEST-ONLY-private-key.pem"));
    }

    public static String analyst() {
        return builder("analyst", "analyst").sign(privateKey("TEST-ONLY-private-key.pem"));
    }

    public static String admin() {
        return builder("admin", "admin").sign(privateKey("TEST-ONLY-private-key.pem"));
    }

    /** A well-formed analyst token signed by another key: every service must refuse it (401). */
    public static String wronglySigned() {
        return builder("intruder", "analyst").sign(privateKey("TEST-ONLY-foreign-private-key.pem"));
    }

    /** A token for the given subject and roles, to add claims to and sign with {@link #sign(JwtClaimsBuilder)}. */
    public static JwtClaimsBuilder builder(String subject, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).preferredUserName(subject)
                .groups(Set.of(roles)).expiresIn(VALIDITY);
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(privateKey("TEST-ONLY-private-key.pem"));
    }

    /** The public key as quarkus.oidc.public-key wants it: base64 of the X.509 encoding, no PEM armour. */
    public static String publicKeyBase64() {
        return pemBody(read("TEST-ONLY-public-key.pem"));
    }

    private static PrivateKey privateKey(String file) {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody(read(file)));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read test key " + file, e);
        }
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String read(String file) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("monitor-test-keys/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing test key " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
