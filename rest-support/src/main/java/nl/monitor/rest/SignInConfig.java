package nl.monitor.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** How the browser apps sign in ({@link SignInResource}). */
@ConfigMapping(prefix = "monitor.sign-in")
public interface SignInConfig {

    /** The public client of the browser apps at the identity provider (Authorization Code + PKCE). */
    @WithDefault("monitor-dashboard")
    String clientId();

    /** The provider's URL as browsers reach it; by default the pinned token issuer. */
    Optional<String> authority();
}
