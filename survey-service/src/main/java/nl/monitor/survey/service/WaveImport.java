package nl.monitor.survey.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.domain.assessment.Violation;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem.FieldError;
import nl.monitor.survey.wave.WaveService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a whole wave: every row is an assessment as a single submit takes it, stored as the next version of that
 * municipality's assessment for the wave's year, with its {@code survey-submitted} event. All rows are validated
 * first; a row that is invalid is rejected with every problem, and the others go on. The valid rows are stored
 * {@value #ROWS_PER_TRANSACTION} to a transaction, in a handful of statements per chunk
 * ({@link SubmissionService#submitAll}); should one of them fail in storing, that chunk is stored again a row per
 * transaction, so a bad row never takes the others with it. Each stored row is audited as a submission
 * ({@link SubmissionService#ACCEPTED}) in its own transaction; the import as a whole ({@value #COMPLETED}, with its
 * counts) once it is done.
 */
@ApplicationScoped
public class WaveImport {

    /** The most rows one import takes. */
    public static final int MAX_ROWS = 1000;
    static final int ROWS_PER_TRANSACTION = 100;

    /** The audit action of a finished import. */
    public static final String COMPLETED = "import.completed";

    private static final Logger LOG = Logger.getLogger(WaveImport.class);

    private final SubmissionService submissions;
    private final WaveService waves;
    private final AuditTrail audit;

    public WaveImport(SubmissionService submissions, WaveService waves, AuditTrail audit) {
        this.submissions = submissions;
        this.waves = waves;
        this.audit = audit;
    }

    @Schema(name = "ImportRequest", description = "A wave of assessments for one year")
    public record Request(@Schema(examples = "2014", required = true) Integer year,
                          @Schema(required = true, description = "At most 1000 rows") List<SubmissionRequest> rows) {
    }

    /** What became of one row. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ImportRowStatus")
    public enum Status {
        /** Stored as a new version, its event published. */
        ACCEPTED,
        /** Stored by an earlier call with the same Idempotency-Key; nothing new. */
        ALREADY_IMPORTED,
        /** Not stored; {@code errors} says why. */
        REJECTED
    }

    public record RowResult(int row, String municipality, Status status, String submissionId, Integer version,
                            List<FieldError> errors) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ImportResult")
    public record Result(int year, int rows, int accepted, int alreadyImported, int rejected, long millis,
                         List<RowResult> results) {
    }

    /**
     * @param idempotencyKey makes a retried import safe: each row is remembered under {@code <key>#<row>}
     * @throws InvalidInputException when the import itself (not a row) is unusable
     */
    public Result run(Request request, String caller, String idempotencyKey) {
        if (request == null) {
            throw InvalidInputException.of("body", "required", "an import body is required");
        }
        List<FieldError> problems = new ArrayList<>();
        if (request.year() == null) {
            problems.add(new FieldError("year", "required", "the year of the wave is required"));
        }
        if (request.rows() == null || request.rows().isEmpty()) {
            problems.add(new FieldError("rows", "required", "an import needs at least one row"));
        } else if (request.rows().size() > MAX_ROWS) {
            problems.add(new FieldError("rows", "too-many", "an import takes at most " + MAX_ROWS + " rows, not "
                    + request.rows().size()));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 190)) {
            problems.add(new FieldError("Idempotency-Key", "invalid-format",
                    "an import's Idempotency-Key has 1 to 190 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The import cannot be run", problems);
        }
        waves.requireImportable(request.year());

        long started = System.nanoTime();
        Map<String, Integer> firstRowOf = new HashMap<>();
        RowResult[] results = new RowResult[request.rows().size()];
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < request.rows().size(); i++) {
            SubmissionRequest row = request.rows().get(i);
            results[i] = checkRow(i, row, request.year(), firstRowOf);
            if (results[i] == null) {
                valid.add(new Valid(i, new SubmissionRequest(row.municipality(), request.year(),
                        row.questionnaireVersion(), row.goals(), row.extras())));
            }
        }
        for (int from = 0; from < valid.size(); from += ROWS_PER_TRANSACTION) {
            List<Valid> chunk = valid.subList(from, Math.min(valid.size(), from + ROWS_PER_TRANSACTION));
            try {
                QuarkusTransaction.requiringNew().run(() -> storeAll(chunk, request.year(), caller, idempotencyKey,
                        results));
            } catch (RuntimeException e) {
                LOG.infof("A row of rows %d-%d could not be stored (%s); storing them one by one",
                        chunk.get(0).index(), chunk.get(chunk.size() - 1).index(), e.getMessage());
                for (Valid row : chunk) {
                    results[row.index()] = storeAlone(row, caller, idempotencyKey);
                }
            }
        }
        List<RowResult> rows = List.of(results);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Result result = new Result(request.year(), rows.size(), count(rows, Status.ACCEPTED),
                count(rows, Status.ALREADY_IMPORTED), count(rows, Status.REJECTED), millis, rows);
        QuarkusTransaction.requiringNew().run(() -> audit.record(COMPLETED, "import/" + result.year(), null,
                auditDetails(result, idempotencyKey)));
        LOG.infof("Import of %d by %s: %d row(s), %d accepted, %d already imported, %d rejected, in %d ms",
                result.year(), caller, result.rows(), result.accepted(), result.alreadyImported(), result.rejected(),
                millis);
        return result;
    }

    private static Map<String, Object> auditDetails(Result result, String idempotencyKey) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", result.year());
        details.put("rows", result.rows());
        details.put("accepted", result.accepted());
        details.put("alreadyImported", result.alreadyImported());
        details.put("rejected", result.rejected());
        details.put("idempotencyKey", idempotencyKey);
        return details;
    }

    /** A row that passed the checks, with the wave's year. */
    private record Valid(int index, SubmissionRequest row) {
    }

    /** The row's rejection, or null when it may be stored. */
    private RowResult checkRow(int index, SubmissionRequest row, int year, Map<String, Integer> firstRowOf) {
        String prefix = "rows[" + index + "].";
        if (row == null) {
            return rejected(index, null, List.of(new FieldError("rows[" + index + "]", "required", "an empty row")));
        }
        if (row.year() != null && row.year() != year) {
            return rejected(index, row.municipality(), List.of(new FieldError(prefix + "year", "other-year",
                    "the row is for " + row.year() + ", the wave for " + year)));
        }
        List<Violation> violations = submissions.validate(new SubmissionRequest(row.municipality(), year,
                row.questionnaireVersion(), row.goals(), row.extras()));
        if (!violations.isEmpty()) {
            return rejected(index, row.municipality(), violations.stream()
                    .map(v -> FieldError.of(prefix, v)).toList());
        }
        Integer earlier = firstRowOf.putIfAbsent(row.municipality(), index);
        if (earlier != null) {
            return rejected(index, row.municipality(), List.of(new FieldError(prefix + "municipality", "duplicate",
                    row.municipality() + " is in row " + earlier + " of this import already")));
        }
        return null;
    }

    /** Stores valid rows in the caller's transaction, all at once; a failure of one rolls back the whole chunk. */
    private void storeAll(List<Valid> chunk, int year, String caller, String idempotencyKey, RowResult[] results) {
        List<SubmissionService.Submitted> stored = submissions.submitAll(year,
                chunk.stream().map(Valid::row).toList(), caller,
                chunk.stream().map(row -> rowKey(idempotencyKey, row)).toList());
        for (int i = 0; i < chunk.size(); i++) {
            results[chunk.get(i).index()] = result(chunk.get(i), stored.get(i));
        }
    }

    private static RowResult result(Valid row, SubmissionService.Submitted submitted) {
        return new RowResult(row.index(), row.row().municipality(),
                submitted.created() ? Status.ACCEPTED : Status.ALREADY_IMPORTED,
                submitted.submission().id().toString(), submitted.submission().version(), List.of());
    }

    /** Stores a valid row in the caller's transaction. */
    private RowResult store(Valid row, String caller, String idempotencyKey) {
        return result(row, submissions.submit(row.row(), caller, rowKey(idempotencyKey, row)));
    }

    /** The row's own Idempotency-Key: the import's with the row's index, {@code <key>#<row>}; null without one. */
    private static String rowKey(String idempotencyKey, Valid row) {
        return idempotencyKey == null ? null : idempotencyKey + "#" + row.index();
    }

    /** Stores a row in a transaction of its own, rejecting it with the reasons when it cannot be stored. */
    private RowResult storeAlone(Valid row, String caller, String idempotencyKey) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(row, caller, idempotencyKey));
        } catch (InvalidInputException e) {
            String prefix = "rows[" + row.index() + "].";
            return rejected(row.index(), row.row().municipality(), e.errors().stream()
                    .map(f -> new FieldError(f.field().startsWith("Idempotency-Key") ? f.field() : prefix + f.field(),
                            f.code(), f.message(), f.category())).toList());
        }
    }

    private static RowResult rejected(int index, String municipality, List<FieldError> errors) {
        return new RowResult(index, municipality, Status.REJECTED, null, null, errors);
    }

    private static int count(List<RowResult> results, Status status) {
        return (int) results.stream().map(RowResult::status).filter(s -> Objects.equals(s, status)).count();
    }
}
