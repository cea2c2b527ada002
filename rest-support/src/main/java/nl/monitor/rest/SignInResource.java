package nl.monitor.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/**
 * How the browser apps (the dashboard, the questionnaire) sign their user in, asked before they have a token, so it
 * is open: with the identity provider ({@code oidc}: Authorization Code + PKCE at {@code authority} as the public
 * client {@code clientId}), or, in the local test-key mode (no {@code quarkus.oidc.auth-server-url}), with a pasted
 * token or a {@code #token=} link. The authority is the pinned token issuer: the provider's URL as browsers reach
 * it, which may differ from the one the services use (docker-compose); {@code monitor.sign-in.authority} overrides it.
 */
@Path("/sign-in")
@Tag(name = "Sign-in", description = "How the browser apps sign their user in (open: asked before there is a token)")
public class SignInResource {

    public static final String OIDC = "oidc";
    public static final String TEST_KEYS = "test-keys";

    /** The answer: {@code authority} and {@code clientId} are null in the test-key mode. */
    public record SignIn(String mode, String authority, String clientId) {
    }

    private final SignInConfig signIn;
    private final Config config;

    public SignInResource(SignInConfig signIn, Config config) {
        this.signIn = signIn;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSignInSettings", summary = "How to sign in: the identity provider and client, or "
            + "the local test-key mode")
    public SignIn settings() {
        return authority(signIn, config)
                .map(authority -> new SignIn(OIDC, authority, signIn.clientId()))
                .orElse(new SignIn(TEST_KEYS, null, null));
    }

    /** The identity provider's URL as browsers reach it; empty in the test-key mode. */
    static Optional<String> authority(SignInConfig signIn, Config config) {
        if (signIn.authority().isPresent()) {
            return signIn.authority();
        }
        // The issuer defaults to the auth server's URL; it is only read when that URL is set (or it cannot expand).
        return config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .map(url -> config.getOptionalValue("quarkus.oidc.token.issuer", String.class).orElse(url));
    }
}
