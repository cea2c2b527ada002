package nl.monitor.survey.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import nl.monitor.survey.service.SubmissionRequest;
import nl.monitor.survey.service.SubmissionService;
import nl.monitor.survey.service.SubmissionSummary;
import nl.monitor.survey.service.SubmissionView;
import nl.monitor.survey.wave.WaveService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api")
@Authenticated
@Tag(name = "Submissions", description = "Submit and read back a municipality's assessments")
@SecurityRequirement(name = "bearer")
public class SubmissionResource {

    private final SubmissionService service;
    private final WaveService waves;
    private final Caller caller;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public SubmissionResource(SubmissionService service, WaveService waves, Caller caller) {
        this.service = service;
        this.waves = waves;
        this.caller = caller;
    }

    @POST
    @Path("/submissions")
    @RolesAllowed({Caller.RESPONDENT, Caller.ADMIN})
    @Operation(operationId = "submitAssessment", summary = "Submit a municipality's assessment for a year",
            description = "Validated against the questionnaire; stored as the next version of that municipality's "
                    + "assessment for the year, which then counts as the current one. Send an Idempotency-Key to "
                    + "make a retried POST safe: the same key and body return the first result (200).")
    @APIResponse(responseCode = "201", description = "Stored; Location names the new submission",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "200", description = "Already stored under this Idempotency-Key",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "The body is not readable JSON of the right shape",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The assessment breaks the questionnaire's rules; every problem is listed with its path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown option", value = """
                            {"type":"https://monitor.nl/problems/invalid-input","title":"The request is invalid",
                             "status":422,"detail":"The assessment has 1 problem(s)","instance":"/api/submissions",
                             "errors":[{"field":"goals[0].inhoud.categories[2].options[0].option",
                                        "code":"unknown-option","message":"category own-action has no option 'x'"}]}""")))
    @APIResponse(responseCode = "403", description = "A respondent submitting for another municipality")
    @APIResponse(responseCode = "409", description = "The year's wave is not open now (closed, not yet open, past "
            + "its window, or none opened while such years are closed); the admin import may still load it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(SubmissionRequest request,
                           @Parameter(description = "Makes a retried POST safe; 1 to 200 characters")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context UriInfo uri) {
        if (request == null) {
            throw InvalidInputException.of("body", "required", "a submission body is required");
        }
        if (request.municipality() != null) {
            caller.requireMunicipality(request.municipality());
        }
        if (request.year() != null) {
            waves.requireAccepting(request.year(), request.questionnaireVersionOrLatest());
        }
        SubmissionService.Submitted submitted = service.submit(request, caller.name(), idempotencyKey);
        if (!submitted.created()) {
            return Response.ok(submitted.submission()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/submissions/{id}")
                .build(submitted.submission().id())).entity(submitted.submission()).build();
    }

    @GET
    @Path("/submissions/{id}")
    @Operation(operationId = "getSubmission", summary = "Read back one submission with all its answers")
    @APIResponse(responseCode = "404", description = "No such submission")
    @APIResponseSchema(value = SubmissionView.class, responseDescription = "The submission")
    public SubmissionView submission(@PathParam("id") UUID id) {
        SubmissionView submission = service.find(id).orElseThrow(() -> new NotFoundException("No submission " + id));
        caller.requireReaderOf(submission.municipality());
        return submission;
    }

    @GET
    @Path("/municipalities/{code}/submissions")
    @Operation(operationId = "listSubmissions", summary = "List a municipality's submissions, newest first",
            description = "Every version of every year; `current` marks the version that counts for its year.")
    public List<SubmissionSummary> list(@PathParam("code") String code,
                                        @Parameter(description = "only this year") @QueryParam("year") Integer year) {
        caller.requireReaderOf(code);
        return service.list(code, year);
    }

    @GET
    @Path("/municipalities/{code}/years/{year}/submission")
    @Operation(operationId = "getCurrentSubmission", summary = "The current submission of a municipality for a year")
    @APIResponse(responseCode = "404", description = "Nothing submitted for that year")
    @APIResponseSchema(value = SubmissionView.class, responseDescription = "The current submission")
    public SubmissionView current(@PathParam("code") String code, @PathParam("year") int year) {
        caller.requireReaderOf(code);
        return service.current(code, year)
                .orElseThrow(() -> new NotFoundException("No submission of " + code + " for " + year));
    }

    @GET
    @Path("/municipalities")
    @Operation(operationId = "listMunicipalities", summary = "The municipalities that can submit, with region and size class",
            description = "Without year the current division (the 2021 one); with year the division that "
                    + "year's wave invites (a year's data lives under its codes: 2014 the 408 municipalities of "
                    + "1 January 2013, 2017 the 388 of 2017), with their names, regions and size classes of then.")
    @APIResponse(responseCode = "200", description = "The municipalities of the division",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                            implementation = Municipality.class)))
    @APIResponse(responseCode = "422", description = "year not a whole number, or outside 2000-2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Municipality> municipalities(
            @Parameter(description = "the Monitor year whose division to list; the current one without it")
            @QueryParam("year") String year) {
        if (year == null) {
            return municipalities.all();
        }
        int monitorYear;
        try {
            monitorYear = Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("year", "not-a-number", "year must be a whole number, not '" + year + "'");
        }
        if (monitorYear < 2000 || monitorYear > 2100) {
            throw InvalidInputException.of("year", "out-of-range", "year must be between 2000 and 2100");
        }
        return MunicipalityDivisions.forYear(monitorYear).all();
    }

}
