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
@Tag(name = "Dashboard")
@SecurityRequirement(name = "bearer")
public class DashboardAppResource {

    /** The answer: the notification-service's URL as browsers reach it (no trailing slash). */
    public record DashboardApp(String notificationUrl) {
    }

    private final DashboardConfig config;

    public DashboardAppResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the dashboard web app needs: the notification-service's URL (the Meldingen page)")
    public DashboardApp app() {
        return new DashboardApp(config.notificationUrl().replaceAll("/+$", ""));
    }
}
