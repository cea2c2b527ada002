package nl.monitor.rest;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** The web app a service serves to browsers, for its security headers ({@link SecurityHeaders}). */
@ConfigMapping(prefix = "monitor.browser-app")
public interface BrowserAppConfig {

    /** Path prefixes of the app's pages and files ({@code /dashboard/}); none when the service serves no app. */
    Optional<List<String>> paths();

    /**
     * URLs of other services the app's scripts call from the browser (their origins are allowed in
     * {@code connect-src}); the identity provider the app signs in at is added by itself.
     */
    Optional<List<String>> connectTo();
}
