package nl.monitor.rest;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Security headers on every response: {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy:
 * no-referrer}; on the pages of the service's browser app ({@link BrowserAppConfig#paths()}) also a
 * Content-Security-Policy that runs only the app's own scripts from this origin (no inline script, no eval, no
 * other host), lets them call only this service, the identity provider the app signs in at (the authority of
 * {@code GET /sign-in}) and the services named in {@link BrowserAppConfig#connectTo()}, and forbids framing the app
 * ({@code frame-ancestors 'none'}, and {@code X-Frame-Options: DENY} for older browsers). The API reference page
 * ({@code /api-reference/}) gets a policy of its own that loads nothing from elsewhere.
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final Logger LOG = Logger.getLogger(SecurityHeaders.class);
    /**
     * First of all routes, so that every answer carries the headers: static files, the API, and the 401 the
     * authentication answers before any filter runs.
     */
    private static final int ORDER = Integer.MIN_VALUE;

    /** Where every service serves the API reference page (the api-reference module). */
    static final String REFERENCE_PATH = "/api-reference/";
    /**
     * The API reference page's policy: its own files only (the page, the Redoc bundle, the four documents), Redoc's
     * inline styles and its search worker; nothing from elsewhere (Redoc's footer logo from a CDN stays unloaded).
     */
    static final String REFERENCE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'none'";

    private final List<String> appPaths;
    private final String policy;

    public SecurityHeaders(BrowserAppConfig app, SignInConfig signIn, Config config) {
        this.appPaths = app.paths().orElse(List.of());
        Optional<String> provider = SignInResource.authority(signIn, config).flatMap(SecurityHeaders::origin);
        Set<String> connect = new LinkedHashSet<>();
        provider.ifPresent(connect::add);
        app.connectTo().orElse(List.of()).forEach(url -> origin(url).ifPresent(connect::add));
        this.policy = policy(provider, connect);
        if (!appPaths.isEmpty()) {
            LOG.infof("Content-Security-Policy on %s: %s", appPaths, policy);
        }
    }

    /**
     * The app's policy: {@code 'self'} and {@code connectTo} are where its scripts may call; the identity provider
     * may also be framed (the sign-in library's silent renewal when the provider gives no refresh token) and posted
     * to (signing out sends the id token in a form, so that it is never in an address).
     */
    static String policy(Optional<String> provider, Set<String> connectTo) {
        StringBuilder connect = new StringBuilder("'self'");
        connectTo.forEach(origin -> connect.append(' ').append(origin));
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + connect + "; frame-src " + provider.orElse("'none'") + "; "
                + "form-action 'self'" + provider.map(origin -> " " + origin).orElse("") + "; "
                + "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
    }

    /** {@code scheme://host[:port]} of a URL; empty (logged) when it is not an absolute http(s) URL. */
    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                LOG.warnf("Not an http(s) URL, left out of the Content-Security-Policy: %s", url);
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Not a URL, left out of the Content-Security-Policy: %s", url);
            return Optional.empty();
        }
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::addHeaders);
    }

    private void addHeaders(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (isApp(context.normalizedPath())) {
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Frame-Options", "DENY");
            } else if (context.normalizedPath().startsWith(REFERENCE_PATH)) {
                headers.set("Content-Security-Policy", REFERENCE_POLICY);
                headers.set("X-Frame-Options", "DENY");
            }
        });
        context.next();
    }

    private boolean isApp(String path) {
        return appPaths.stream().anyMatch(path::startsWith);
    }
}
