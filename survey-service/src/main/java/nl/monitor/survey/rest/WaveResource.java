package nl.monitor.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import nl.monitor.survey.wave.OpenWaveRequest;
import nl.monitor.survey.wave.ReopenWaveRequest;
import nl.monitor.survey.wave.WaveService;
import nl.monitor.survey.wave.WaveView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/admin/waves")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Waves", description = "Open, close and reopen a year's measurement round (admin); each change is "
        + "recorded in the audit trail (wave.opened, wave.closed, wave.reopened)")
@SecurityRequirement(name = "bearer")
public class WaveResource {

    private final WaveService waves;
    private final Caller caller;

    public WaveResource(WaveService waves, Caller caller) {
        this.waves = waves;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAllWaves", summary = "Every wave, the newest year first")
    public List<WaveView> list() {
        return waves.list();
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getWave", summary = "One year's wave")
    @APIResponse(responseCode = "404", description = "No wave for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = WaveView.class, responseDescription = "The wave")
    public WaveView wave(@PathParam("year") int year) {
        return waves.find(year).orElseThrow(() -> new NotFoundException("No wave for " + year));
    }

    @POST
    @Operation(operationId = "openWave", summary = "Open a year's wave",
            description = "Submissions and drafts for the year are then taken from openFrom until (not including) "
                    + "openUntil, with the wave's questionnaire version. One wave per year.")
    @APIResponse(responseCode = "201", description = "Opened; Location names the wave",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WaveView.class)))
    @APIResponse(responseCode = "422", description = "A field is missing or wrong; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The year has a wave already (reopen a closed one instead)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(OpenWaveRequest request, @Context UriInfo uri) {
        WaveView wave = waves.open(request, caller.name());
        return Response.created(uri.getBaseUriBuilder().path("api/admin/waves/{year}").build(wave.year()))
                .entity(wave).build();
    }

    @POST
    @Path("/{year}/close")
    @Operation(operationId = "closeWave", summary = "Close a year's wave", description = "Its reports are final; submissions and drafts for the "
            + "year answer 409 until an admin reopens it. The admin import may still load it.")
    @APIResponse(responseCode = "404", description = "No wave for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Closed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = WaveView.class, responseDescription = "The closed wave")
    public WaveView close(@PathParam("year") int year) {
        return waves.close(year, caller.name());
    }

    @POST
    @Path("/{year}/reopen")
    @Operation(operationId = "reopenWave", summary = "Reopen a closed wave", description = "Explicit, with a reason, and audited (who, when, from "
            + "where, why). A new openUntil is needed when the old one has passed.")
    @APIResponse(responseCode = "404", description = "No wave for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason, or the window would have passed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = WaveView.class, responseDescription = "The reopened wave")
    public WaveView reopen(@PathParam("year") int year, ReopenWaveRequest request) {
        return waves.reopen(year, request, caller.name());
    }
}
