package nl.monitor.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import nl.monitor.rest.BodyLimit;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import nl.monitor.survey.service.WaveImport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/imports")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Imports", description = "Load a whole wave of assessments, e.g. the 2014 or 2017 cohort")
@SecurityRequirement(name = "bearer")
public class ImportResource {

    private final WaveImport imports;
    private final Caller caller;

    public ImportResource(WaveImport imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @BodyLimit(bytes = 16 * 1024 * 1024)
    @Operation(operationId = "importWave", summary = "Import a wave of assessments for one year",
            description = "Each row is an assessment as POST /api/submissions takes it (its year may be left out; "
                    + "it is the wave's). A valid row is stored as the next version of that municipality's assessment "
                    + "for the year and published as survey-submitted, in its own transaction; an invalid row is "
                    + "rejected with every problem, its field paths prefixed with rows[i]., and the others go on. "
                    + "A municipality may appear once per import. At most 1000 rows. With an Idempotency-Key a "
                    + "retried import stores nothing twice: those rows answer ALREADY_IMPORTED.")
    @APIResponse(responseCode = "200", description = "Per row: ACCEPTED (submission id and version), "
            + "ALREADY_IMPORTED, or REJECTED (errors)")
    @APIResponse(responseCode = "400", description = "The body is not readable JSON of the right shape",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No year, no rows, more than 1000 rows, or a bad Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WaveImport.Result importWave(WaveImport.Request request,
                                        @Parameter(description = "Makes a retried import safe; 1 to 190 characters")
                                        @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return imports.run(request, caller.name(), idempotencyKey);
    }
}
