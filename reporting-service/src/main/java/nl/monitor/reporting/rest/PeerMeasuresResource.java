package nl.monitor.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.monitor.reporting.report.PeerMeasuresView;
import nl.monitor.reporting.service.PeerMeasures;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The measures peers of a municipality's size class use: what the questionnaire suggests beside each goal. */
@Path("/api/municipalities/{code}/peer-measures")
@Authenticated
@Tag(name = "Municipality views")
@SecurityRequirement(name = "bearer")
public class PeerMeasuresResource {

    private final PeerMeasures peerMeasures;
    private final ReportRequests requests;
    private final Caller caller;

    public PeerMeasuresResource(PeerMeasures peerMeasures, ReportRequests requests, Caller caller) {
        this.peerMeasures = peerMeasures;
        this.requests = requests;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPeerMeasures", summary = "Per goal the measures other municipalities of its size class chose",
            description = "Every measure option (not \"Anders\", not \"geen onderdeel van beleid\") chosen by at "
                    + "least one other municipality of the size class, most used first, with the counts of the "
                    + "card's advice (peers, peers that answered the goal, whole percent half up); `own` marks the "
                    + "municipality's own choices. Counted in the year asked for, or the latest earlier year with "
                    + "answers of the size class (`year`). Respondents: their own municipality; coordinators: their "
                    + "region's; analysts, admins: all. For respondents and coordinators a goal that fewer peers "
                    + "answered than reporting.suppression.min-municipalities (3) lists no measures (`suppressed`).")
    @APIResponse(responseCode = "200", description = "The peers' measures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PeerMeasuresView.class)))
    @APIResponse(responseCode = "403", description = "Another municipality or region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such municipality",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PeerMeasuresView peerMeasures(@PathParam("code") String code, @QueryParam("year") String year) {
        caller.requireReaderOf(code);
        int viewYear = requests.year("year", year);
        return peerMeasures.view(requests.municipality(code, viewYear), viewYear, requests.smallCells());
    }
}
