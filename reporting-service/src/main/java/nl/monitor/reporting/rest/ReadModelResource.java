package nl.monitor.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.monitor.reporting.service.ReadModelRebuild;
import nl.monitor.reporting.service.RebuildReport;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/api/admin/read-model")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Read model", description = "Operating the reporting read model")
@SecurityRequirement(name = "bearer")
public class ReadModelResource {

    private final ReadModelRebuild rebuild;

    public ReadModelResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @Operation(operationId = "rebuildReadModel", summary = "Rebuild the read models from the score-computed and survey-submitted topics",
            description = "Empties the read models and the processed-event marks, then replays score-computed and "
                    + "survey-submitted from the beginning up to the end offsets of that moment through the same "
                    + "projections as the live consumers, which keep running. Answers when the replays are done, with "
                    + "what they read: totals, and per topic. Recorded in the audit trail (read-model.rebuilt) in the "
                    + "rebuild's transaction; the audit trail is not part of the read model and stays as it is.")
    @APIResponse(responseCode = "200", description = "Rebuilt")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running on this instance, or a topic no "
            + "longer starts at offset 0 (retention removed history) and force is not set",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "500", description = "The rebuild stopped part-way; run it again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildReport rebuild(@QueryParam("force") @DefaultValue("false") boolean force) {
        return rebuild.rebuildUnlessRunning(force).orElseThrow(() -> new ClientErrorException(
                "A rebuild of the read model is already running", Response.Status.CONFLICT));
    }

    @ServerExceptionMapper
    public Response historyMissing(ReadModelRebuild.HistoryMissingException e, UriInfo uri) {
        Problem problem = Problem.of("history-missing", "The topics no longer hold their whole history", 409,
                e.getMessage(), null).at(uri.getPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response failed(ReadModelRebuild.RebuildFailedException e, UriInfo uri) {
        Problem problem = Problem.of("rebuild-failed", "The rebuild failed", 500, e.getMessage(), null)
                .at(uri.getPath());
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
