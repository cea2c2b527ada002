package nl.monitor.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.monitor.reporting.report.DistributionReport;
import nl.monitor.reporting.report.DivisionMapping;
import nl.monitor.reporting.document.PdfDocument;
import nl.monitor.reporting.document.YearlyReportDocument;
import nl.monitor.reporting.report.ExcelWorkbook;
import nl.monitor.reporting.report.ExtrasReport;
import nl.monitor.reporting.report.GoalScoresReport;
import nl.monitor.reporting.report.MeasuresReport;
import nl.monitor.reporting.report.ParticipationReport;
import nl.monitor.reporting.report.PolicyInclusionReport;
import nl.monitor.reporting.report.DocumentsReport;
import nl.monitor.reporting.report.ReportScope;
import nl.monitor.reporting.report.YearlyReport;
import nl.monitor.reporting.report.ResponseReport;
import nl.monitor.reporting.service.Reports;
import nl.monitor.reporting.service.Responses;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;

/**
 * The aggregate reports of seed 000 (the 2017 report) for any year, optionally against an earlier year, nationally
 * or for one region and/or size class.
 */
@Path("/api/reports")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, ReportRequests.CSV, ExcelWorkbook.MEDIA_TYPE})
@Tag(name = "Reports", description = "The tables and figures of the report, computed live from the current "
        + "assessments. " + ReportResource.ROUNDING)
@SecurityRequirement(name = "bearer")
public class ReportResource {

    static final String ROUNDING = "Rounding: percentages are whole percents, rounded half up (12.5 % is 13 %), "
            + "computed from the exact counts (part x 100 / whole) and null when the whole is 0; means of scores and "
            + "grades one decimal, half up; points two decimals; Pearson r two decimals. Nothing is rounded before "
            + "it is aggregated. Only the current (highest) version of each municipality's assessment per year "
            + "counts. JSON by default; CSV with ?format=csv or Accept: text/csv.";
    private static final String ACCESS = "Analysts and admins: everything; coordinators: only with region= their own "
            + "region; respondents: none (403).";

    private final Reports reports;
    private final Responses responses;
    private final ReportRequests requests;

    public ReportResource(Reports reports, Responses responses, ReportRequests requests) {
        this.reports = reports;
        this.responses = responses;
        this.requests = requests;
    }

    @GET
    @Path("/yearly")
    @Produces({MediaType.APPLICATION_JSON, PdfDocument.MEDIA_TYPE, ExcelWorkbook.MEDIA_TYPE})
    @Operation(operationId = "getYearlyReport", summary = "The yearly report as one document: a Dutch PDF/UA-1, an Excel workbook, or JSON",
            description = "Every report of the year (and compareWith) over the same scope, in the 2017 report's "
                    + "order: response (Tabel 3.1), per goal the scores by component (Figuur 4.1-4.10) and the measures "
                    + "(Tabel 4.1-4.10), policy inclusion (Tabel 4.11), size classes (Figuur 4.11), grades (Tabel "
                    + "4.12) and the distribution. Accept: application/pdf (or format=pdf) for the tagged PDF with "
                    + "table of contents, methods page, charts with alternative texts and page numbers; format=xlsx "
                    + "for one sheet per table. " + ACCESS + " " + ROUNDING)
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = YearlyReport.class)),
                    @Content(mediaType = PdfDocument.MEDIA_TYPE)})
    @APIResponse(responseCode = "422", description = "A parameter is missing or wrong; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to read this scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response yearly(@QueryParam("year") @Parameter(required = true, example = "2017") String year,
                           @QueryParam("compareWith") @Parameter(example = "2014") String compareWith,
                           @QueryParam("region") String region,
                           @QueryParam("format") @Parameter(description = "json (default), pdf or xlsx") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, null);
        ReportRequests.Format chosen = requests.format(format, EnumSet.of(ReportRequests.Format.JSON,
                ReportRequests.Format.PDF, ReportRequests.Format.XLSX));
        YearlyReport report = reports.yearly(scope);
        String fileName = "jaarrapport-" + scope.year() + (region == null || region.isBlank() ? "" : "-" + region);
        return switch (chosen) {
            case PDF -> requests.pdf(YearlyReportDocument.pdf(report), fileName);
            case XLSX -> requests.xlsx(report.sheets(), fileName);
            default -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    @GET
    @Path("/goal-scores")
    @Operation(operationId = "getGoalScoresReport", summary = "Figuur 4.1-4.10: per goal mean total, borging, inhoud, bereik and n, per year",
            description = "n is the number of municipalities whose current score answers the goal. " + ACCESS + " "
                    + ROUNDING)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GoalScoresReport.class)))
    @APIResponse(responseCode = "422", description = "A parameter is missing or wrong; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to read this scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response goalScores(@QueryParam("year") @Parameter(required = true, example = "2017") String year,
                               @QueryParam("compareWith") @Parameter(example = "2014") String compareWith,
                               @QueryParam("region") String region, @QueryParam("sizeClass") String sizeClass,
                               @QueryParam("format") @Parameter(description = "json (default) or csv") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, sizeClass);
        return requests.render(reports.goalScores(scope), format, "goal-scores-" + scope.year());
    }

    @GET
    @Path("/measures")
    @Operation(operationId = "getMeasuresReport", summary = "Tabel 4.1-4.10: per goal, measure category and option: N and % of the goal's respondents",
            description = "Respondents of a goal: municipalities whose current assessment answers the goal. "
                    + "\"(geen onderdeel van beleid)\" and \"Anders\" are listed as options. " + ACCESS + " "
                    + ROUNDING)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasuresReport.class)))
    public Response measures(@QueryParam("year") String year, @QueryParam("compareWith") String compareWith,
                             @QueryParam("region") String region, @QueryParam("sizeClass") String sizeClass,
                             @QueryParam("format") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, sizeClass);
        return requests.render(reports.measures(scope), format, "measures-" + scope.year());
    }

    @GET
    @Path("/policy-inclusion")
    @Operation(operationId = "getPolicyInclusionReport", summary = "Tabel 4.11: per goal included in policy / respondents / %",
            description = "Included: answered \"Ja\" to the borging question. " + ACCESS + " " + ROUNDING)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PolicyInclusionReport.class)))
    public Response policyInclusion(@QueryParam("year") String year, @QueryParam("compareWith") String compareWith,
                                    @QueryParam("region") String region, @QueryParam("sizeClass") String sizeClass,
                                    @QueryParam("format") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, sizeClass);
        return requests.render(reports.policyInclusion(scope), format, "policy-inclusion-" + scope.year());
    }

    @GET
    @Path("/documents")
    @Operation(operationId = "getDocumentsReport", summary = "Borging: per document kind the laid-down goals that name it, N and %, per year",
            description = "Seed 000 §4 \"Alle doelstellingen: borging\". n: the goals laid down (borging \"Ja\" and "
                    + "laid down) of the year's respondents that name the document kind (the kinds of the year's "
                    + "questionnaire, \"Anders\" included). percent: n as a share of all mentions (`denominator` "
                    + "`mentions`: the document kinds named, summed over the laid-down goals; the 2017 report's "
                    + "percentages); percentOfGoalsLaidDown: n as a share of the goals laid down. A year is withheld "
                    + "when fewer than k municipalities laid down a goal. " + ACCESS + " " + ROUNDING)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentsReport.class)))
    public Response documents(@QueryParam("year") String year, @QueryParam("compareWith") String compareWith,
                              @QueryParam("region") String region, @QueryParam("sizeClass") String sizeClass,
                              @QueryParam("format") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, sizeClass);
        return requests.render(reports.documents(scope), format, "documents-" + scope.year());
    }

    @GET
    @Path("/participation")
    @Operation(operationId = "getParticipationReport", summary = "Tabel 3.1 and Figuur 4.11: invited, participated, % and mean total per size class",
            description = "Invited: the municipalities of the division that year's wave invites (2014: 408 of "
                    + "1 January 2013, 2017: 388, from 2021: 352; `divisions` names the one counted); participated: "
                    + "those with a current score that year. sizeClass is ignored. "
                    + ACCESS + " " + ROUNDING)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParticipationReport.class)))
    public Response participation(@QueryParam("year") String year, @QueryParam("compareWith") String compareWith,
                                  @QueryParam("region") String region, @QueryParam("format") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, null);
        return requests.render(reports.participation(scope), format, "participation-" + scope.year());
    }

    @GET
    @Path("/distribution")
    @Operation(operationId = "getDistributionReport", summary = "Municipalities with a total below 25 and above 75, and with no goal in policy",
            description = "Below/above use the bands of the scoring rules (red below 25, green above 75), as a "
                    + "percentage of the municipalities scored that year (n); no goal in policy as a percentage of "
                    + "those whose answers are known (respondents). " + ACCESS + " " + ROUNDING)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DistributionReport.class)))
    public Response distribution(@QueryParam("year") String year, @QueryParam("compareWith") String compareWith,
                                 @QueryParam("region") String region, @QueryParam("sizeClass") String sizeClass,
                                 @QueryParam("format") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, sizeClass);
        return requests.render(reports.distribution(scope), format, "distribution-" + scope.year());
    }

    @GET
    @Path("/extras")
    @Operation(operationId = "getExtrasReport", summary = "Extra questions (Bijlage 2): % per option; Tabel 4.12 mean grades; Figuur 4.12 Pearson r",
            description = "A question's percentages are of the municipalities that answered it; each grade's mean is "
                    + "over those that gave it; r is Pearson's correlation between the current grade and the total "
                    + "score over the n municipalities that have both (null below 2 or without variance). " + ACCESS
                    + " " + ROUNDING)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExtrasReport.class)))
    public Response extras(@QueryParam("year") String year, @QueryParam("compareWith") String compareWith,
                           @QueryParam("region") String region, @QueryParam("sizeClass") String sizeClass,
                           @QueryParam("format") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, sizeClass);
        return requests.render(reports.extras(scope), format, "extras-" + scope.year());
    }

    @GET
    @Path("/response")
    @Operation(operationId = "getResponseReport", summary = "The live response of a year's wave (Tabel 3.1 while it runs): invited, responded, % per "
            + "size class and per region",
            description = "Invited: the municipalities of the division that year's wave invites (2014: 408 of "
                    + "1 January 2013, 2017: 388, from 2021: 352; `division` names it); responded: those with a "
                    + "current submission (or score) for the year so far; outstanding: invited and not yet "
                    + "responded. Per size class and per Veilig Thuis region of that division, each with a total "
                    + "line. Counts of municipalities are not withheld (the region view lists who took part). "
                    + ACCESS + " " + ROUNDING)
    @APIResponse(responseCode = "200", description = "The response so far",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResponseReport.class)))
    @APIResponse(responseCode = "403", description = "A coordinator without region= their own region; a respondent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A parameter is missing or wrong; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response response(@QueryParam("year") @Parameter(required = true, example = "2021") String year,
                             @QueryParam("region") String region, @QueryParam("format") String format) {
        ReportScope scope = requests.scope(year, null, region, null);
        return requests.render(responses.report(scope.year(), scope.region()), format, "response-" + scope.year());
    }

    @GET
    @Path("/division-mapping")
    @Operation(operationId = "getDivisionMapping", summary = "How a comparison maps an earlier year's municipalities onto a later year's",
            description = "Every municipality of the later year's division that folds in other codes of the earlier "
                    + "year's division (merged or renamed), each earlier code with its population weight and share: "
                    + "the weights of the population-weighted earlier scores on the card and in the region view. "
                    + "Every report with compareWith carries the same object as `mapping`. " + ACCESS)
    @APIResponse(responseCode = "200", description = "The mapping",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DivisionMapping.class)))
    @APIResponse(responseCode = "422", description = "year or compareWith missing or wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response divisionMapping(@QueryParam("year") @Parameter(required = true, example = "2021") String year,
                                    @QueryParam("compareWith") @Parameter(required = true, example = "2017")
                                    String compareWith,
                                    @QueryParam("region") String region, @QueryParam("format") String format) {
        ReportScope scope = requests.scope(year, compareWith, region, null);
        if (scope.compareWith() == null) {
            // After the access check, as every report: a caller who may not read the scope learns nothing more.
            requests.year("compareWith", compareWith);
        }
        return requests.render(DivisionMapping.of(scope), format,
                "division-mapping-" + scope.compareWith() + "-" + scope.year());
    }
}
