package nl.monitor.survey.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import nl.monitor.survey.config.QuestionnaireAppConfig;
import nl.monitor.survey.draft.DraftRequest;
import nl.monitor.survey.draft.DraftService;
import nl.monitor.survey.draft.DraftSubmitted;
import nl.monitor.survey.draft.DraftView;
import nl.monitor.survey.draft.Preview;
import nl.monitor.survey.draft.PreviewService;
import nl.monitor.survey.draft.SubmitDraftRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * The questionnaire web app's API: a municipality's draft for a year (respondents of that municipality edit it,
 * coordinators of its region may read it), "Indienen", and the live score of answers in progress.
 */
@Path("/api")
@Authenticated
@Tag(name = "Drafts", description = "The draft a municipality is filling in, its live score, and submitting it")
@SecurityRequirement(name = "bearer")
public class DraftResource {

    private final DraftService drafts;
    private final PreviewService previews;
    private final Caller caller;
    private final QuestionnaireAppConfig app;
    private final SecurityIdentity identity;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public DraftResource(DraftService drafts, PreviewService previews, Caller caller, QuestionnaireAppConfig app,
                         SecurityIdentity identity) {
        this.identity = identity;
        this.drafts = drafts;
        this.previews = previews;
        this.caller = caller;
        this.app = app;
    }

    @GET
    @Path("/municipalities/{code}/years/{year}/draft")
    @Operation(operationId = "getDraft", summary = "The saved draft of a municipality for a year",
            description = "Respondents: their own municipality; coordinators: their region's (read only); "
                    + "analysts, admins: all.")
    @APIResponse(responseCode = "404", description = "No draft saved yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = DraftView.class, responseDescription = "The saved draft")
    public DraftView draft(@PathParam("code") String code, @PathParam("year") int year) {
        caller.requireReaderOf(code);
        return drafts.find(code, year).orElseThrow(() -> new NotFoundException("No draft of " + code + " for " + year));
    }

    @PUT
    @Path("/municipalities/{code}/years/{year}/draft")
    @RolesAllowed({Caller.RESPONDENT, Caller.ADMIN})
    @Operation(operationId = "saveDraft", summary = "Save the draft (not validated, not published, not scored)",
            description = "`version` is the draft version the page was showing (0 for a new draft); the saved "
                    + "draft gets the next one. Respondents: their own municipality.")
    @APIResponse(responseCode = "200", description = "Saved; the body has the new version")
    @APIResponse(responseCode = "409", description = "Someone saved the draft since that version, or the year's wave "
            + "is not open now (problem type wave-not-open); nothing saved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DraftView save(@PathParam("code") String code, @PathParam("year") int year, DraftRequest request) {
        requireWritable(code, year);
        if (request == null) {
            throw InvalidInputException.of("body", "required", "a draft body is required");
        }
        return drafts.save(code, year, request, caller.name());
    }

    @POST
    @Path("/municipalities/{code}/years/{year}/draft/submission")
    @RolesAllowed({Caller.RESPONDENT, Caller.ADMIN})
    @Operation(operationId = "submitDraft", summary = "Indienen: submit the saved draft as the next submission version",
            description = "Validated, stored and published as `POST /api/submissions` does; a retry of the same "
                    + "draft version returns the same submission.")
    @APIResponse(responseCode = "201", description = "Submitted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DraftSubmitted.class)))
    @APIResponse(responseCode = "409", description = "The draft was saved since that version, or the year's wave is "
            + "not open now (problem type wave-not-open)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The draft is not a valid assessment; every problem at its path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("code") String code, @PathParam("year") int year,
                           SubmitDraftRequest request) {
        requireWritable(code, year);
        DraftSubmitted submitted = drafts.submit(code, year, request, caller.name());
        return Response.status(Response.Status.CREATED).entity(submitted).build();
    }

    @POST
    @Path("/municipalities/{code}/years/{year}/preview")
    @Operation(operationId = "previewScore", summary = "The live score of answers in progress; stores and publishes nothing",
            description = "Scored with the scoring-service's rules (domain-core); a part not answered yet counts as "
                    + "its lowest answer. Per started goal the measures that would raise its score if added, and "
                    + "the problems \"Indienen\" would still refuse. Whoever may read the municipality.")
    public Preview preview(@PathParam("code") String code, @PathParam("year") int year, DraftRequest request) {
        caller.requireReaderOf(code);
        return previews.preview(code, year, request == null ? new DraftRequest(0, null, null, null) : request);
    }

    @GET
    @Path("/questionnaire-app")
    @Operation(operationId = "getQuestionnaireAppSettings", summary = "What the questionnaire web app needs: the reporting-service's URL, the caller's scope")
    public Map<String, Object> app() {
        return Map.of("reportingUrl", app.reportingUrl(),
                "officialScoreWaitSeconds", app.officialScoreWaitSeconds(),
                "municipality", caller.municipality().orElse(""),
                "region", caller.region().orElse(""),
                "editsDrafts", identity.hasRole(Caller.RESPONDENT) || identity.hasRole(Caller.ADMIN));
    }

    private void requireWritable(String code, int year) {
        caller.requireMunicipality(code);
        if (municipalities.municipality(code).isEmpty() && MunicipalityDivisions.inDivisionOf(code, year).isEmpty()) {
            throw new NotFoundException("No municipality " + code + " in the " + municipalities.year() + " division");
        }
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "out-of-range", "year must be between 2000 and 2100");
        }
        if (MunicipalityDivisions.inDivisionOf(code, year).isEmpty()) {
            throw InvalidInputException.of("code", "unknown-municipality", MunicipalityDivisions.notInDivision(code, year));
        }
    }
}
