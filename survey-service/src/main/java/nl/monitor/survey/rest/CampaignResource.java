package nl.monitor.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import nl.monitor.survey.campaign.CampaignOverview;
import nl.monitor.survey.campaign.CampaignRound;
import nl.monitor.survey.campaign.CampaignView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** A wave's campaign for the admin: what was sent to whom, and a round run now instead of at the next interval. */
@Path("/api/admin/waves/{year}/campaign")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Campaigns", description = "The contacts that get a wave's invitation and reminders, and what was sent")
@SecurityRequirement(name = "bearer")
public class CampaignResource {

    private final CampaignOverview overview;
    private final CampaignRound round;

    public CampaignResource(CampaignOverview overview, CampaignRound round) {
        this.overview = overview;
        this.round = round;
    }

    @GET
    @Operation(operationId = "getCampaign", summary = "The wave's campaign: when each step is due, and every message with where it stands",
            description = "Status SENT (the SMTP server took it), FAILED (refused or unreachable; the next round tries "
                    + "again), UNCERTAIN (no answer in time or the instance stopped mid-send; not sent again), "
                    + "SENDING (being sent).")
    @APIResponse(responseCode = "404", description = "No wave for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = CampaignView.class, responseDescription = "The campaign")
    public CampaignView campaign(@PathParam("year") int year) {
        return overview.of(year).orElseThrow(() -> new NotFoundException("No wave for " + year));
    }

    @POST
    @Path("/run")
    @Operation(operationId = "runCampaignRound", summary = "Run a campaign round for the wave now",
            description = "Sends what is due now and has not gone out (the same round the schedule runs every "
                    + "survey.campaign.every); never a message twice. Nothing when the wave is closed or outside its "
                    + "window.")
    @APIResponse(responseCode = "404", description = "No wave for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = CampaignRound.Result.class, responseDescription = "What the round sent")
    public CampaignRound.Result run(@PathParam("year") int year) {
        campaign(year);
        return round.run(year, Instant.now());
    }
}
