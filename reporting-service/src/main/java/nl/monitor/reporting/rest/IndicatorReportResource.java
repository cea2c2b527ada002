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
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reporting.indicator.IndicatorTrend;
import nl.monitor.reporting.indicator.IndicatorTrends;
import nl.monitor.reporting.report.ExcelWorkbook;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The indicators' figures as trends: the nation, a Veilig Thuis region against it, and the region's municipalities. */
@Path("/api/indicators")
@Authenticated
@Tag(name = "Indicators", description = "The figures of the indicator set (Taskforce, Veilig Thuis) per period")
@SecurityRequirement(name = "bearer")
public class IndicatorReportResource {

    private final IndicatorTrends trends;
    private final Caller caller;
    private final ReportRequests requests;

    public IndicatorReportResource(IndicatorTrends trends, Caller caller, ReportRequests requests) {
        this.trends = trends;
        this.caller = caller;
        this.requests = requests;
    }

    @GET
    @Operation(operationId = "getIndicatorDefinitions", summary = "The indicator definitions the figures are reported by",
            description = "As the survey-service records against them: themes with targets, dimensions, indicators.")
    public IndicatorSet definitions() {
        return Indicators.latest();
    }

    @GET
    @Path("/{indicator}/trend")
    @Operation(operationId = "getIndicatorTrend", summary = "An indicator's figures per period: nation, region, municipalities",
            description = "Per period (oldest first) the national figure and, with region, the region's and those of "
                    + "its municipalities in that period's division; one breakdown (breakdown=abuse-type:sexual-abuse, "
                    + "repeatable; none: the totals). A count above 0 and below minimumCount of a region or "
                    + "municipality is suppressed (value left out, suppressed true) except for administrators, the "
                    + "region's coordinator and the municipality's respondent. With region: coordinators their own, "
                    + "analysts and administrators any, respondents none. With fold=true every period's municipalities "
                    + "are those of the latest period's municipal division: a merged municipality's earlier figure is "
                    + "the sum of its predecessors' counts (only when each has one) or their population-weighted mean, "
                    + "foldedFrom naming them; a folded count is suppressed when any count in it is. As CSV (format=csv or Accept text/csv; "
                    + "dialect=nl or Accept-Language nl: semicolons, decimal comma) or Excel (format=xlsx): one row "
                    + "per figure, suppressed ones without a value.")
    @Produces({MediaType.APPLICATION_JSON, ReportRequests.CSV, ExcelWorkbook.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The trend",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorTrend.class)))
    @APIResponse(responseCode = "403", description = "Another region, or a respondent asking for a region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such indicator or region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A breakdown the indicator does not have",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response trend(@PathParam("indicator") String indicator,
                          @Parameter(description = "a Veilig Thuis region") @QueryParam("region") String region,
                          @Parameter(description = "dimension:value, e.g. abuse-type:sexual-abuse")
                          @QueryParam("breakdown") List<String> breakdown,
                          @Parameter(description = "true: every period under the latest period's municipal division")
                          @QueryParam("fold") boolean fold,
                          @Parameter(description = "json (default), csv or xlsx") @QueryParam("format") String format) {
        if (region != null) {
            caller.requireRegion(region);
            if (!MunicipalityDivision.shipped().regions().contains(region)) {
                throw new NotFoundException("No Veilig Thuis region " + region);
            }
        }
        IndicatorTrend trend = trends.trend(indicator, region, breakdown(breakdown), fold, caller);
        return requests.render(trend, format, "indicator-" + trend.indicator().id());
    }

    private static Map<String, String> breakdown(List<String> pairs) {
        Map<String, String> breakdown = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw InvalidInputException.of("breakdown", "invalid-format",
                        "a breakdown is dimension:value, e.g. abuse-type:sexual-abuse, not '" + pair + "'");
            }
            breakdown.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return breakdown;
    }
}
