package nl.monitor.reporting.rest;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.monitor.domain.scoring.Component;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reporting.config.SuppressionConfig;
import nl.monitor.reporting.document.PdfDocument;
import nl.monitor.reporting.report.CsvDialect;
import nl.monitor.reporting.report.ExcelWorkbook;
import nl.monitor.reporting.report.ReportScope;
import nl.monitor.reporting.report.SmallCells;
import nl.monitor.reporting.report.Tabular;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What every report request shares: reading and checking the query parameters (422 problem naming the parameter), who may
 * read an aggregate report, and answering as JSON, CSV ({@code ?format=csv} or {@code Accept: text/csv}, Dutch with
 * {@code dialect=nl} or {@code Accept-Language: nl}) or Excel ({@code ?format=xlsx}).
 */
@RequestScoped
public class ReportRequests {

    public static final String CSV = "text/csv";

    private final Caller caller;
    private final HttpHeaders headers;
    private final UriInfo uri;
    private final SuppressionConfig suppression;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public ReportRequests(Caller caller, HttpHeaders headers, UriInfo uri, SuppressionConfig suppression) {
        this.caller = caller;
        this.headers = headers;
        this.uri = uri;
        this.suppression = suppression;
    }

    /**
     * A municipality as a year sees it: in that year's division (2014: the 2013 division, so Bellingwedde GM0007
     * under its name of then), else under a current code (data stored before the rule of issue 26); 404 otherwise.
     */
    public Municipality municipality(String code, int year) {
        return MunicipalityDivisions.municipalityOf(code, year).orElseThrow(() -> new NotFoundException(
                "No municipality " + code + " in the " + MunicipalityDivisions.forYear(year).year()
                        + " division (that of " + year + ") nor in the " + municipalities.year() + " division"));
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

    /**
     * The report as JSON; as CSV when asked by {@code format=csv} or an Accept of text/csv, in the Dutch dialect
     * ({@code ;}, decimal comma, byte-order mark) for {@code dialect=nl} or, without a dialect, an Accept-Language that
     * prefers Dutch ({@code dialect=rfc4180} or anything else: RFC 4180); as an Excel workbook for
     * {@code format=xlsx} or an Accept of {@value ExcelWorkbook#MEDIA_TYPE}. A format given wins over the Accept header.
     */
    public Response render(Tabular report, String format, String fileName) {
        return render(report, format(format, EnumSet.of(Format.JSON, Format.CSV, Format.XLSX)), fileName);
    }

    /** As {@link #render(Tabular, String, String)}, and as a PDF document ({@code format=pdf}, Accept). */
    public <T extends Tabular> Response render(T report, String format, String fileName, Function<T, byte[]> pdf) {
        Format chosen = format(format, EnumSet.allOf(Format.class));
        return chosen == Format.PDF ? pdf(pdf.apply(report), fileName) : render(report, chosen, fileName);
    }

    private Response render(Tabular report, Format format, String fileName) {
        return switch (format) {
            case CSV -> attachment(Response.ok(report.table().write(dialect()), CSV + "; charset=UTF-8"),
                    fileName + ".csv");
            case XLSX -> xlsx(List.of(new ExcelWorkbook.Table(fileName, report.table())), fileName);
            default -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    /** The formats a report can be had in, with their media types. */
    public enum Format {
        JSON(MediaType.APPLICATION_JSON), CSV(ReportRequests.CSV), XLSX(ExcelWorkbook.MEDIA_TYPE),
        PDF(PdfDocument.MEDIA_TYPE);

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /**
     * The format asked for among those offered: by {@code format=} (a format not offered answers 422 naming it),
     * else the offered one the Accept header prefers (in its order of preference; JSON too, so that a client
     * accepting {@code application/json, application/pdf}, as a generated client of the OpenAPI document asks, gets
     * JSON), else JSON (a wildcard or no Accept header).
     */
    public Format format(String format, Set<Format> offered) {
        if (format != null && !format.isBlank()) {
            return offered.stream().filter(f -> f.name().equalsIgnoreCase(format.trim())).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("format", "unknown-format", "format is one of "
                            + String.join(", ", offered.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList())));
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            for (Format offer : offered) {
                MediaType wanted = MediaType.valueOf(offer.mediaType);
                if (wanted.getType().equals(type.getType()) && wanted.getSubtype().equals(type.getSubtype())) {
                    return offer;
                }
            }
        }
        return Format.JSON;
    }

    public Response xlsx(List<ExcelWorkbook.Table> tables, String fileName) {
        return attachment(Response.ok(ExcelWorkbook.write(tables), ExcelWorkbook.MEDIA_TYPE), fileName + ".xlsx");
    }

    public Response pdf(byte[] pdf, String fileName) {
        return attachment(Response.ok(pdf, PdfDocument.MEDIA_TYPE), fileName + ".pdf");
    }

    private static Response attachment(Response.ResponseBuilder response, String fileName) {
        return response.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** {@code dialect=nl|rfc4180}, else Dutch when the most preferred Accept-Language is Dutch. */
    private CsvDialect dialect() {
        String dialect = uri.getQueryParameters().getFirst("dialect");
        if (dialect == null || dialect.isBlank()) {
            List<Locale> languages = headers.getAcceptableLanguages();
            return !languages.isEmpty() && "nl".equals(languages.get(0).getLanguage())
                    ? CsvDialect.DUTCH : CsvDialect.RFC_4180;
        }
        return switch (dialect.trim().toLowerCase(Locale.ROOT)) {
            case "nl" -> CsvDialect.DUTCH;
            case "rfc4180" -> CsvDialect.RFC_4180;
            default -> throw InvalidInputException.of("dialect", "unknown-dialect",
                    "dialect is nl (semicolons, decimal comma) or rfc4180 (commas, decimal point)");
        };
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "not-a-number", field + " must be a whole number, not '" + value + "'");
        }
    }
}
