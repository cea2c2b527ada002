package nl.monitor.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import nl.monitor.survey.campaign.CampaignOverview;
import nl.monitor.survey.campaign.RegionCampaignView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who of a region's municipalities was invited and reminded when, for the region's coordinators (the dashboard's
 * "Nog niet ingediend"); the admin sees every region's in the wave's campaign.
 */
@Path("/api/regions/{region}/campaign")
@Tag(name = "Campaigns", description = "The contacts that get a wave's invitation and reminders, and what was sent")
@SecurityRequirement(name = "bearer")
public class RegionCampaignResource {

    private final CampaignOverview overview;
    private final Caller caller;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public RegionCampaignResource(CampaignOverview overview, Caller caller) {
        this.overview = overview;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "getRegionCampaign", summary = "A wave's campaign messages to the municipalities of one region",
            description = "Per message municipality, e-mail, step (INVITATION, REMINDER_1, ...), status, claimed and "
                    + "sent at. Coordinators: their own region; admins: any. Analysts do not see it (personal data).")
    @APIResponse(responseCode = "404", description = "No such region, or no wave for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another region's coordinator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = RegionCampaignView.class, responseDescription = "The region's campaign messages")
    public RegionCampaignView campaign(@PathParam("region") String region, @QueryParam("year") Integer year) {
        if (!municipalities.regions().contains(region)) {
            throw new NotFoundException("No Veilig Thuis region " + region);
        }
        caller.requireRegion(region);
        if (year == null) {
            throw InvalidInputException.of("year", "required", "the wave's year is required");
        }
        return overview.ofRegion(year, region).orElseThrow(() -> new NotFoundException("No wave for " + year));
    }
}
