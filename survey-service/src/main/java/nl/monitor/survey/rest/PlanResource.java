package nl.monitor.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import nl.monitor.survey.plan.PlanRequest;
import nl.monitor.survey.plan.PlanService;
import nl.monitor.survey.plan.PlanView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A municipality's plan (issue 28): its own targets per goal and per municipal indicator, each by a year, and a
 * short list of actions. Its respondent (and an admin) edits it; whoever may read the municipality reads it.
 */
@Path("/api/municipalities/{code}/plan")
@Tag(name = "Plans", description = "A municipality's targets per goal and indicator, and its actions")
@SecurityRequirement(name = "bearer")
public class PlanResource {

    private final PlanService plans;
    private final Caller caller;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public PlanResource(PlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.RESPONDENT, Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "getMunicipalPlan", summary = "A municipality's plan: targets and actions",
            description = "The current version; version 0 with empty lists when it has none. Respondents: their own "
                    + "municipality; coordinators: their region's; analysts and admins: all.")
    @APIResponse(responseCode = "404", description = "No such municipality in the current division",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = PlanView.class, responseDescription = "The plan")
    public PlanView plan(@PathParam("code") String code) {
        Municipality municipality = municipality(code);
        caller.requireReaderOf(code);
        return plans.view(municipality);
    }

    @PUT
    @RolesAllowed({Caller.RESPONDENT, Caller.ADMIN})
    @Operation(operationId = "saveMunicipalPlan", summary = "Save a municipality's plan (the whole plan)",
            description = "Replaces the plan as its next version and publishes municipal-plan-published; a plan "
                    + "equal to the current one stores nothing. Goal targets: a goal of the questionnaire the "
                    + "year is filled in with, a score 0-100 (two decimals), a year 2000-2100, one per goal and "
                    + "year. Indicator targets: an indicator recorded per municipality, a known breakdown, a value "
                    + "its unit allows. At most 50 goal and 50 indicator targets and 10 actions of at most 500 "
                    + "characters. `version` is the version the page showed (0 for a first plan). The "
                    + "municipality's respondent and admins; audited as municipal-plan.published.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "targets for goal 1 and repeat reports",
            value = """
                    {"version": 0,
                     "goalTargets": [{"goal": 1, "year": 2027, "score": 70}],
                     "indicatorTargets": [{"indicator": "vt-repeat-reports", "year": 2027, "breakdown": {}, "value": 15}],
                     "actions": [{"text": "Meldcode als subsidievoorwaarde", "dueYear": 2026}]}""")))
    @APIResponse(responseCode = "201", description = "Stored as the next version; published")
    @APIResponse(responseCode = "200", description = "Equal to the current plan; nothing stored")
    @APIResponse(responseCode = "422", description = "Every problem, by field (goalTargets[0].score, "
            + "actions[2].text, ...); nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan changed since the version the page showed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the municipality's respondent, nor an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response save(@PathParam("code") String code, PlanRequest request) {
        Municipality municipality = municipality(code);
        caller.requireMunicipality(code);
        PlanService.Saved saved = plans.save(municipality, request, caller.name());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(saved.plan()).build();
    }

    private Municipality municipality(String code) {
        return municipalities.municipality(code).orElseThrow(() -> new NotFoundException("No municipality " + code));
    }
}
