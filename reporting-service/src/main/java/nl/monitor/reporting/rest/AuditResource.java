package nl.monitor.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.monitor.reporting.audit.AuditEntries;
import nl.monitor.reporting.audit.AuditFilter;
import nl.monitor.reporting.audit.AuditPage;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The audit trail, read only: there is no way to change or remove an entry through the API. */
@Path("/api/admin/audit")
@RolesAllowed(Caller.ADMIN)
@Produces({MediaType.APPLICATION_JSON, ReportRequests.CSV, ExcelWorkbook.MEDIA_TYPE})
@Tag(name = "Audit trail", description = "Every change made on the platform, append-only (admin)")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    static final int MAX_LIMIT = 10_000;

    private final AuditEntries entries;
    private final ReportRequests requests;

    public AuditResource(AuditEntries entries, ReportRequests requests) {
        this.entries = entries;
        this.requests = requests;
    }

    @GET
    @Operation(operationId = "queryAuditTrail", summary = "Query and export the audit trail",
            description = "Every change recorded by the four services (submission.accepted, import.completed, "
                    + "wave.opened/closed/reopened, rules.rescored, subscription.created/deleted, contact changes, "
                    + "dead-letter.redriven, outbox.requeued, read-model.rebuilt): what (action, subject, details), "
                    + "who (the token's sub and roles; 'system' when no caller asked), from where (the first hop of "
                    + "X-Forwarded-For from a trusted proxy, else the peer; and the peer) and when, the newest first. An entry is recorded "
                    + "in the transaction of its change and arrives here within seconds. Filters combine; action "
                    + "'wave' selects wave.*, subject 'wave' selects wave/*. Paged by limit (1-10000, default 100) "
                    + "and offset; 'total' counts every match. JSON by default; CSV with ?format=csv or Accept: "
                    + "text/csv (the whole page, details as name=value pairs; cells a spreadsheet would run as a "
                    + "formula start with a quote). Nothing in the trail can be altered: no endpoint writes it, and "
                    + "the database refuses UPDATE, DELETE and TRUNCATE of its table.")
    @APIResponse(responseCode = "200", description = "The matching entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "422", description = "A parameter is wrong; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response audit(@QueryParam("from") @Parameter(description = "occurred at or after: an instant "
                                  + "(2026-11-30T10:00:00Z) or a date (UTC midnight)", example = "2026-11-30") String from,
                          @QueryParam("to") @Parameter(description = "occurred before: an instant or a date") String to,
                          @QueryParam("action") @Parameter(example = "wave.reopened") String action,
                          @QueryParam("actor") @Parameter(description = "the token's sub") String actor,
                          @QueryParam("subject") @Parameter(example = "wave/2017") String subject,
                          @QueryParam("municipality") @Parameter(example = "GM0014") String municipality,
                          @QueryParam("limit") @Parameter(description = "1-10000, default 100") String limit,
                          @QueryParam("offset") @Parameter(description = "entries to skip, default 0") String offset,
                          @QueryParam("format") @Parameter(description = "json (default) or csv") String format) {
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !until.isAfter(since)) {
            throw InvalidInputException.of("to", "not-after-from", "to must be after from");
        }
        AuditFilter filter = new AuditFilter(since, until, text(action), text(actor), text(subject),
                text(municipality), number("limit", limit, 100, 1, MAX_LIMIT),
                number("offset", offset, 0, 0, Integer.MAX_VALUE));
        return requests.render(entries.find(filter), format, "audit");
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String field, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return value.strip().length() == 10 ? LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "invalid-format", field + " is an instant (2026-11-30T10:00:00Z) "
                    + "or a date (2026-11-30), not '" + value + "'");
        }
    }

    private static int number(String field, String value, int absent, int min, int max) {
        if (text(value) == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw InvalidInputException.of(field, "out-of-range", field + " must be between " + min + " and "
                        + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "not-a-number", field + " must be a whole number, not '" + value
                    + "'");
        }
    }
}
