package nl.monitor.reporting.rest;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.monitor.domain.scoring.Component;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reporting.config.SuppressionConfig;
import nl.monitor.reporting.report.ReportScope;
import nl.monitor.reporting.report.SmallCells;
import nl.monitor.reporting.report.Tabular;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What every report request shares: reading and checking the query parameters (422 problem naming the parameter), who may
 * read an aggregate report, and answering as JSON or CSV ({@code ?format=csv} or {@code Accept: text/csv}).
 */
@RequestScoped
public class ReportRequests {

    public static final String CSV = "text/csv";

    private final Caller caller;
    private final HttpHeaders headers;
    private final SuppressionConfig suppression;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public ReportRequests(Caller caller, HttpHeaders headers, SuppressionConfig suppression) {
        this.caller = caller;
        this.headers = headers;
        this.suppression = suppression;
    }

    /** The scope of an aggregate report, checked; and the caller may read it (else 403). */
    public ReportScope scope(String year, String compareWith, String region, String sizeClass) {
        int reportYear = year("year", year);
        Integer earlier = compareWith == null || compareWith.isBlank() ? null : year("compareWith", compareWith);
        if (earlier != null && earlier >= reportYear) {
            throw InvalidInputException.of("compareWith", "not-earlier",
                    "compareWith must be a year before " + reportYear);
        }
        String reportRegion = region == null || region.isBlank() ? null : knownRegion("region", region);
        Integer reportSizeClass = null;
        if (sizeClass != null && !sizeClass.isBlank()) {
            reportSizeClass = number("sizeClass", sizeClass);
            if (reportSizeClass < 1 || reportSizeClass > 5) {
                throw InvalidInputException.of("sizeClass", "out-of-range", "sizeClass is 1-5 (Tabel 3.1)");
            }
        }
        requireAggregateReader(reportRegion);
        ReportScope scope = new ReportScope(reportYear, earlier, reportRegion, reportSizeClass);
        return scope.filtered()
                ? new ReportScope(reportYear, earlier, reportRegion, reportSizeClass, smallCells()) : scope;
    }

    /**
     * The small cells this caller may not see on a region or size-class aggregate: those over fewer than
     * {@code reporting.suppression.min-municipalities} municipalities for respondents and coordinators; none for
     * analysts and admins.
     */
    public SmallCells smallCells() {
        return caller.readsEverything() ? SmallCells.NONE : new SmallCells(suppression.minMunicipalities(), true);
    }

    /**
     * Analysts and admins read every aggregate report; a coordinator only those restricted to their own region
     * ({@code region=} their region); respondents none.
     */
    private void requireAggregateReader(String region) {
        if (caller.readsEverything()) {
            return;
        }
        if (region == null) {
            throw new ForbiddenException("Only analysts read national reports; a coordinator adds region=<their region>");
        }
        caller.requireRegion(region);
    }

    public int year(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "required", field + " is required");
        }
        int year = number(field, value);
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of(field, "out-of-range", field + " must be a year between 2000 and 2100");
        }
        return year;
    }

    public String knownRegion(String field, String region) {
        if (!municipalities.regions().contains(region)) {
            throw InvalidInputException.of(field, "unknown-region", "no Veilig Thuis region '" + region + "'");
        }
        return region;
    }

    /** The components of {@code borging,inhoud,bereik} (all three when absent). */
    public Set<Component> components(String value) {
        if (value == null || value.isBlank()) {
            return EnumSet.allOf(Component.class);
        }
        Set<Component> components = EnumSet.noneOf(Component.class);
        for (String name : value.split(",")) {
            components.add(Arrays.stream(Component.values()).filter(c -> c.name().equalsIgnoreCase(name.trim()))
                    .findFirst().orElseThrow(() -> InvalidInputException.of("components", "unknown-component",
                            "components are a comma-separated subset of borging,inhoud,bereik; not '" + name + "'")));
        }
        return components;
    }

    /** The report as JSON, or as CSV when asked by {@code format=csv} or an Accept of text/csv. */
    public Response render(Tabular report, String format, String fileName) {
        boolean csv;
        if (format == null || format.isBlank()) {
            csv = headers.getAcceptableMediaTypes().stream()
                    .anyMatch(type -> "text".equals(type.getType()) && "csv".equals(type.getSubtype()));
        } else if (format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("json")) {
            csv = format.equalsIgnoreCase("csv");
        } else {
            throw InvalidInputException.of("format", "unknown-format", "format is json or csv");
        }
        if (csv) {
            return Response.ok(report.table().write(), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "not-a-number", field + " must be a whole number, not '" + value + "'");
        }
    }
}
