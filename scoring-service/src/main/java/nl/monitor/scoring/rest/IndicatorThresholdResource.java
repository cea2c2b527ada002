package nl.monitor.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import nl.monitor.scoring.indicator.IndicatorThresholdRequest;
import nl.monitor.scoring.indicator.IndicatorThresholdView;
import nl.monitor.scoring.indicator.IndicatorThresholds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/indicator-thresholds")
@Tag(name = "Indicator thresholds", description = "A coordinator's thresholds on the indicator figures of the region: "
        + "a figure crossing one is published as threshold-crossed (v2) and alerts the region's subscriptions")
@SecurityRequirement(name = "bearer")
public class IndicatorThresholdResource {

    private final IndicatorThresholds thresholds;
    private final Caller caller;

    public IndicatorThresholdResource(IndicatorThresholds thresholds, Caller caller) {
        this.thresholds = thresholds;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "listIndicatorThresholds", summary = "The indicator thresholds of a region",
            description = "A coordinator's own region (the default; another region 403); analysts and admins any "
                    + "region, or all without `region`.")
    public List<IndicatorThresholdView> list(@Parameter(description = "a Veilig Thuis region") @QueryParam("region")
                                             String region) {
        return thresholds.list(caller.regionToRead(region));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "getIndicatorThreshold", summary = "One indicator threshold")
    @APIResponse(responseCode = "404", description = "Unknown")
    @APIResponseSchema(value = IndicatorThresholdView.class, responseDescription = "The threshold")
    public IndicatorThresholdView get(@PathParam("id") String id) {
        return thresholds.find(uuid(id), caller);
    }

    @POST
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "createIndicatorThreshold", summary = "Watch an indicator of the region against a threshold",
            description = "The region's own figure and those of its municipalities with exactly this breakdown are "
                    + "watched: the first figure on the alerting side, and any later one crossing to it, fires; back "
                    + "past the margin resolves. The figures recorded before it are evaluated at once: per area and "
                    + "kind of period the latest period's figure, so an area already past it alerts now.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorThresholdView.class)))
    @APIResponse(responseCode = "409", description = "The region has this threshold already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Each invalid field named: region, indicator, breakdown.<dimension>, "
            + "value, alertWhen, margin, description",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(IndicatorThresholdRequest request, @Context UriInfo uri) {
        IndicatorThresholdView created = thresholds.create(request, caller);
        return Response.created(uri.getBaseUriBuilder().path("api/indicator-thresholds/{id}").build(created.id()))
                .entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "deleteIndicatorThreshold", summary = "Stop watching: delete an indicator threshold")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown")
    public void delete(@PathParam("id") String id) {
        thresholds.delete(uuid(id), caller);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No indicator threshold " + id);
        }
    }
}
