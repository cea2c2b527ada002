package nl.monitor.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.monitor.reporting.config.DashboardConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the dashboard web app needs: the other services its pages call from the browser. */
@Path("/api/dashboard-app")
@Authenticated
@Tag(name = "Dashboard", description = "What the dashboard web app needs to start")
@SecurityRequirement(name = "bearer")
public class DashboardAppResource {

    /** The answer: the other services' URLs as browsers reach them (no trailing slash). */
    public record DashboardApp(String notificationUrl, String surveyUrl, String scoringUrl) {
    }

    private final DashboardConfig config;

    public DashboardAppResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDashboardAppSettings", summary = "What the dashboard web app needs: the URLs of the notification-service (the Meldingen "
            + "page), the survey- and the scoring-service (the admin's Beheer page)")
    public DashboardApp app() {
        return new DashboardApp(withoutSlash(config.notificationUrl()), withoutSlash(config.surveyUrl()),
                withoutSlash(config.scoringUrl()));
    }

    private static String withoutSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
