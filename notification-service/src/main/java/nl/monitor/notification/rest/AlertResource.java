package nl.monitor.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import nl.monitor.notification.AlertState;
import nl.monitor.notification.alert.AlertService;
import nl.monitor.notification.alert.AlertView;
import nl.monitor.notification.channel.stream.StreamHub;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/alerts")
@Authenticated
@Tag(name = "Alerts", description = "The threshold crossings the service has raised alerts for")
@SecurityRequirement(name = "bearer")
public class AlertResource {

    private final AlertService alerts;
    private final StreamHub streams;
    private final Caller caller;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public AlertResource(AlertService alerts, StreamHub streams, Caller caller) {
        this.alerts = alerts;
        this.streams = streams;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "listAlerts", summary = "The alerts, newest first",
            description = "Each with the threshold, the direction, the previous and new score and band, and the "
                    + "submission and score-computed event it came from, and its state: a crossing down opens an "
                    + "alert (OPEN); the matching crossing back up resolves it (RESOLVED) and is itself kept as a "
                    + "notice of type resolved. A coordinator sees its own region only "
                    + "(the default when no region is given); an analyst or admin every region.")
    @APIResponse(responseCode = "403", description = "A coordinator asking for another region or its municipalities",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An unknown region or municipality, or a limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = AlertView[].class, responseDescription = "The alerts")
    public List<AlertView> list(@Parameter(description = "a Veilig Thuis region") @QueryParam("region") String region,
                                @Parameter(description = "a CBS municipality code, e.g. GM0014")
                                @QueryParam("municipality") String municipality,
                                @Parameter(description = "only this year") @QueryParam("year") Integer year,
                                @Parameter(description = "OPEN (still below) or RESOLVED")
                                @QueryParam("state") String stateName,
                                @Parameter(description = "at most this many, 1 to 1000")
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        requireKnown(region);
        if (municipality != null && municipalities.municipality(municipality).isEmpty()) {
            throw InvalidInputException.of("municipality", "unknown-municipality",
                    "no municipality " + municipality + " in the " + municipalities.year() + " division");
        }
        AlertState state = stateName == null ? null : Arrays.stream(AlertState.values())
                .filter(s -> s.name().equalsIgnoreCase(stateName)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("state", "unknown-state",
                        "state is OPEN or RESOLVED, not '" + stateName + "'"));
        int checkedLimit = SubscriptionResource.checkedLimit(limit);
        String readable = caller.regionToRead(region);
        if (municipality != null) {
            caller.requireRegion(municipalities.municipality(municipality).map(Municipality::region).orElse(""));
        }
        return alerts.search(readable, municipality, year, state, checkedLimit);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "streamAlerts", summary = "New alerts as they are raised (Server-Sent Events)",
            description = "Each new alert (and resolved notice) as one event: id the alert id, event its type "
                    + "(threshold-crossed or resolved), data the alert as GET /api/alerts/{id} shows it. A coordinator "
                    + "gets its own region (the default); an analyst or admin one region or, without region, all. "
                    + "Alerts raised while disconnected are in GET /api/alerts. Comments (keep-alive) every 20 s. "
                    + "Closed when the token expires: reconnect with a fresh one.")
    @APIResponse(responseCode = "200", description = "The stream, open until the client closes it",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "403", description = "A coordinator asking for another region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The caller, or the instance, has as many streams open as "
            + "allowed (notification.stream.max-per-caller, max-total)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An unknown region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@Parameter(description = "a Veilig Thuis region") @QueryParam("region") String region,
                       @Context SseEventSink sink, @Context Sse sse) {
        requireKnown(region);
        streams.openFeed(caller.regionToRead(region), sink, sse,
                new StreamHub.Opener(caller.name(), caller.tokenExpiresAt().orElse(null)));
    }

    private void requireKnown(String region) {
        if (region != null && !municipalities.regions().contains(region)) {
            throw InvalidInputException.of("region", "unknown-region", "no Veilig Thuis region '" + region + "'");
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "getAlert", summary = "One alert")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "403", description = "An alert of another region")
    @APIResponseSchema(value = AlertView.class, responseDescription = "The alert")
    public AlertView get(@PathParam("id") UUID id) {
        AlertView alert = alerts.find(id).orElseThrow(() -> new NotFoundException("No alert " + id));
        caller.requireRegion(alert.region());
        return alert;
    }
}
