package nl.monitor.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import nl.monitor.scoring.service.RescoreReport;
import nl.monitor.scoring.service.ScoringService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/rescore")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Rules", description = "Scoring rules versions per wave")
@SecurityRequirement(name = "bearer")
public class RescoreResource {

    private final ScoringService scoring;
    private final Caller caller;

    public RescoreResource(ScoringService scoring, Caller caller) {
        this.scoring = scoring;
        this.caller = caller;
    }

    /** The body: the year (wave) and the rules version to rescore it under. */
    @Schema(description = "Which wave to rescore under which rules version")
    public record RescoreRequest(@Schema(examples = "2017", required = true) Integer year,
                                 @Schema(examples = "2", required = true) Integer rulesVersion) {
    }

    @POST
    @Operation(operationId = "rescoreWave", summary = "Rescore a wave under another scoring rules version",
            description = "The current submission of every municipality of the year is scored under the rules "
                    + "version, which stays in force for that year (later submissions are scored under it too). Each "
                    + "new score is published as score-computed; a municipality whose threshold state changed crosses "
                    + "as usual (threshold-crossed, hysteresis included). A submission already scored under that "
                    + "version is left alone: calling it again changes and publishes nothing. All or nothing.")
    @APIResponse(responseCode = "200", description = "Rescored; what was done")
    @APIResponse(responseCode = "422", description = "Unknown rules version, a year without submissions, or rules "
            + "for another questionnaire version; each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RescoreReport rescore(RescoreRequest request) {
        if (request == null) {
            throw InvalidInputException.of("body", "required", "a body {year, rulesVersion} is required");
        }
        return scoring.rescore(request.year(), request.rulesVersion(), caller.name());
    }
}
