package nl.monitor.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reporting.document.FactsheetDocument;
import nl.monitor.reporting.document.PdfDocument;
import nl.monitor.reporting.document.RegionReportDocument;
import nl.monitor.reporting.report.ExcelWorkbook;
import nl.monitor.reporting.report.MunicipalityCard;
import nl.monitor.reporting.report.OutstandingView;
import nl.monitor.reporting.report.RegionView;
import nl.monitor.reporting.service.MunicipalityViews;
import nl.monitor.reporting.service.Responses;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The municipality card and the region view. */
@Path("/api")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, ReportRequests.CSV, ExcelWorkbook.MEDIA_TYPE})
@Tag(name = "Municipality views", description = "The card of one municipality and the view of one region. "
        + ReportResource.ROUNDING)
@SecurityRequirement(name = "bearer")
public class MunicipalityViewResource {

    private final MunicipalityViews views;
    private final Responses responses;
    private final ReportRequests requests;
    private final Caller caller;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public MunicipalityViewResource(MunicipalityViews views, Responses responses, ReportRequests requests,
                                    Caller caller) {
        this.views = views;
        this.responses = responses;
        this.requests = requests;
        this.caller = caller;
    }

    @GET
    @Path("/municipalities/{code}/card")
    @Produces({MediaType.APPLICATION_JSON, ReportRequests.CSV, ExcelWorkbook.MEDIA_TYPE, PdfDocument.MEDIA_TYPE})
    @Operation(operationId = "getMunicipalityCard", summary = "The municipality's card for a year",
            description = "Its ten goals over the chosen components (components=borging,inhoud,bereik, default all "
                    + "three): points and percent of the components' maximum, the three parts and the band of the "
                    + "full score, the change since its previous scored year, and the mean points of its size class, "
                    + "its region and the country that year; advice: its weakest goals and the measures most peers of "
                    + "its size class use and it does not; history: its earlier years of the same questionnaire, a "
                    + "merged municipality's as the population-weighted mean of its predecessors in that year's "
                    + "division, each listed with inhabitants, share and points (the change is against the newest). "
                    + "Respondents: their own municipality; coordinators: their "
                    + "region's; analysts, admins: all. As the municipality's factsheet, a Dutch PDF/UA-1 document, with "
                    + "Accept: application/pdf or format=pdf. " + ReportResource.ROUNDING)
    @APIResponse(responseCode = "200", description = "The card",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MunicipalityCard.class)))
    @APIResponse(responseCode = "403", description = "Another municipality or region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such municipality, or no score that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response card(@PathParam("code") String code, @QueryParam("year") String year,
                         @QueryParam("components") String components, @QueryParam("format") String format) {
        caller.requireReaderOf(code);
        int cardYear = requests.year("year", year);
        Municipality municipality = requests.municipality(code, cardYear);
        MunicipalityCard card = views.card(municipality, cardYear, requests.components(components),
                        requests.smallCells())
                .orElseThrow(() -> new NotFoundException("No score of " + code + " for " + cardYear));
        return requests.render(card, format, "card-" + code + "-" + cardYear, FactsheetDocument::pdf);
    }

    @GET
    @Path("/regions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRegions", summary = "The Veilig Thuis regions the caller may view",
            description = "Analysts and admins: all 26; coordinators: their own; respondents: none.")
    public List<String> regions() {
        if (caller.readsEverything()) {
            return List.copyOf(municipalities.regions());
        }
        return caller.region().filter(municipalities.regions()::contains).map(List::of).orElse(List.of());
    }

    @GET
    @Path("/regions/{region}/municipalities")
    @Produces({MediaType.APPLICATION_JSON, ReportRequests.CSV, ExcelWorkbook.MEDIA_TYPE, PdfDocument.MEDIA_TYPE})
    @Operation(operationId = "getRegionView", summary = "Every municipality of a Veilig Thuis region with total, band, goals answered and trend",
            description = "Trend against the municipality's latest earlier scored year: UP, DOWN, SAME; NEW without "
                    + "an earlier year; NONE when not scored this year. A merged municipality's earlier total is the "
                    + "population-weighted mean of its predecessors' (previousFromPredecessors, predecessors). "
                    + "Coordinators: their own region; analysts, "
                    + "admins: all. As the region report, a Dutch PDF/UA-1 document, with Accept: application/pdf or "
                    + "format=pdf. " + ReportResource.ROUNDING)
    @APIResponse(responseCode = "200", description = "The region view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "403", description = "Another region, or a respondent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response region(@PathParam("region") String region, @QueryParam("year") String year,
                           @QueryParam("format") String format) {
        requireReadableRegion(region);
        int viewYear = requests.year("year", year);
        return requests.render(views.region(region, viewYear, requests.smallCells()), format, "region-" + viewYear,
                RegionReportDocument::pdf);
    }

    @GET
    @Path("/regions/{region}/outstanding")
    @Operation(operationId = "listOutstandingMunicipalities", summary = "The region's municipalities that have not yet submitted for a year",
            description = "In the division that year's wave invites: every municipality of the region without a "
                    + "current submission (or score) for the year, by code, with how many were invited and have "
                    + "responded. Coordinators: their own region; analysts, admins: all; respondents: none.")
    @APIResponse(responseCode = "200", description = "Who is still outstanding",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutstandingView.class)))
    @APIResponse(responseCode = "403", description = "Another region, or a respondent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response outstanding(@PathParam("region") String region, @QueryParam("year") String year,
                                @QueryParam("format") String format) {
        requireReadableRegion(region);
        int viewYear = requests.year("year", year);
        return requests.render(responses.outstanding(region, viewYear), format, "outstanding-" + viewYear);
    }

    /** The caller may read the region (else 403), and it exists (else 404). */
    private void requireReadableRegion(String region) {
        caller.requireRegion(region);
        if (!municipalities.regions().contains(region)) {
            throw new NotFoundException("No Veilig Thuis region " + region);
        }
    }
}
