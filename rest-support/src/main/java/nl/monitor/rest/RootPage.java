package nl.monitor.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * The service's root page ({@code GET /}), open and without data, in every environment: what the service is, and links
 * to the API reference page of the four services ({@code api-reference/}, from the api-reference module), this
 * service's OpenAPI document ({@code openapi}) and its browser app, if it serves one. Relative links, so they hold
 * behind the Ingress's path prefix ({@code /survey/}) too.
 */
@ApplicationScoped
public class RootPage {

    private final String html;

    public RootPage(@ConfigProperty(name = "quarkus.application.name") String service,
                    @ConfigProperty(name = "mp.openapi.extensions.smallrye.info.title", defaultValue = "Monitor")
                    String title, BrowserAppConfig app) {
        this.html = page(service, title, app.paths().orElse(List.of()));
    }

    static String page(String service, String title, List<String> apps) {
        StringBuilder links = new StringBuilder();
        links.append("      <li><a href=\"api-reference/\">API reference of the four services</a></li>\n");
        links.append("      <li><a href=\"api-reference/?service=").append(escape(service)).append("\">API reference of ")
                .append(escape(service)).append("</a></li>\n");
        links.append("      <li><a href=\"openapi\">OpenAPI document of ").append(escape(service))
                .append(" (YAML)</a></li>\n");
        for (String path : apps) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            links.append("      <li><a href=\"").append(escape(relative)).append("\">").append(escape(relative))
                    .append("</a></li>\n");
        }
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "  <title>" + escape(title) + "</title>\n</head>\n<body>\n  <h1>" + escape(title) + "</h1>\n"
                + "  <p>A service of the Monitor platform. Its API is under <code>api/</code> and needs a bearer token."
                + "</p>\n  <ul>\n" + links + "  </ul>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    void register(@Observes Router router) {
        router.get("/").handler(this::answer);
    }

    private void answer(RoutingContext context) {
        context.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").end(html);
    }
}
