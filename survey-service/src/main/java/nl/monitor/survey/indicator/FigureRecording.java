package nl.monitor.survey.indicator;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.FigureValidator;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.domain.indicator.Period;
import nl.monitor.messaging.Events;
import nl.monitor.messaging.Outbox;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records indicator figures: checks each against the indicator definitions ({@link Indicators#latest()}) and the
 * municipal division of its period's year, and whether the caller may record its area; stores it as the next version
 * of its indicator, period, area and breakdown (a figure equal to the current one stores nothing); publishes
 * {@code indicator-recorded} and its audit entry ({@value #RECORDED}) in the same transaction. A batch stores all its
 * figures or, when any is invalid, none.
 */
@ApplicationScoped
public class FigureRecording {

    /** The audit action of a stored figure or correction. */
    public static final String RECORDED = "indicator-figure.recorded";
    /** The media type of an Excel workbook (.xlsx), which {@link #importWorkbook} reads. */
    public static final String XLSX = FigureWorkbook.MEDIA_TYPE;

    private final RecordedFigureRepository figures;
    private final Outbox outbox;
    private final Events events;
    private final AuditTrail audit;

    public FigureRecording(RecordedFigureRepository figures, Outbox outbox, Events events, AuditTrail audit) {
        this.figures = figures;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
    }

    /** What became of a figure: the current version, and whether this call stored it. */
    public record Recorded(IndicatorRecorded figure, boolean created) {
    }

    public IndicatorSet definitions() {
        return Indicators.latest();
    }

    /** @throws InvalidInputException naming every bad field; nothing is stored then */
    @Transactional
    public Recorded record(IndicatorFigure figure, Caller caller) {
        List<Violation> violations = validate(figure);
        if (!violations.isEmpty()) {
            throw InvalidInputException.fromViolations("The figure has " + violations.size() + " problem(s)", "",
                    violations);
        }
        requireRecorder(figure, caller);
        return store(figure, caller.name());
    }

    /** What an import did: how many figures it held, how many it stored as new versions, and the figures. */
    public record Imported(int figures, int stored, int unchanged, List<IndicatorRecorded> current) {
    }

    /**
     * Reads a table of figures as CSV ({@link FigureTable#csv}: Dutch or RFC 4180) and records every figure or, when
     * any cell is bad or the caller may not record a row's area, none.
     */
    @Transactional
    public Imported importTable(String csv, Caller caller) {
        return importRead(FigureTable.read(FigureTable.csv(csv == null ? "" : csv), definitions()), caller);
    }

    /**
     * Reads a table of figures from the first sheet of an Excel workbook ({@link FigureWorkbook}) and records it as
     * {@link #importTable} records a CSV's: the same rows, checked and stored by the same code.
     *
     * @throws WorkbookTooLargeException when the workbook unpacks to more than its limits (413)
     */
    @Transactional
    public Imported importWorkbook(byte[] xlsx, Caller caller) {
        return importRead(FigureTable.read(FigureWorkbook.read(xlsx == null ? new byte[0] : xlsx), definitions()),
                caller);
    }

    /** A workbook that unpacks to more than the import takes (a zip bomb among them): answered 413. */
    public static final class WorkbookTooLargeException extends RuntimeException {
        public WorkbookTooLargeException(String message) {
            super(message);
        }
    }

    private Imported importRead(FigureTable.Read read, Caller caller) {
        List<Recorded> recorded = recordAll(read.rows(), read.problems(), caller);
        int stored = (int) recorded.stream().filter(Recorded::created).count();
        return new Imported(recorded.size(), stored, recorded.size() - stored,
                recorded.stream().map(Recorded::figure).toList());
    }

    /**
     * Records every figure of an import or none: each row is checked first, and the problems of all rows — with the
     * problems found reading them ({@code readProblems}) — are thrown together, each naming its cell; then whether the
     * caller may record every row's area (a 403 names the first row it may not).
     */
    private List<Recorded> recordAll(List<FigureTable.Row> rows, List<Violation> readProblems, Caller caller) {
        List<Violation> violations = new ArrayList<>(readProblems);
        for (FigureTable.Row row : rows) {
            validate(row.figure()).forEach(v -> violations.add(new Violation(row.cellOf().apply(v.path()), v.code(),
                    v.message(), v.category())));
        }
        if (!violations.isEmpty()) {
            throw InvalidInputException.fromViolations("The import has " + violations.size() + " problem(s); nothing"
                    + " was stored", "", violations);
        }
        for (FigureTable.Row row : rows) {
            try {
                requireRecorder(row.figure(), caller);
            } catch (ForbiddenException e) {
                throw new ForbiddenException(row.cellOf().apply("area") + ": " + e.getMessage());
            }
        }
        return rows.stream().map(row -> store(row.figure(), caller.name())).toList();
    }

    /** The problems of a figure against the definitions and the division of its year; empty when it may be stored. */
    public List<Violation> validate(IndicatorFigure figure) {
        List<Violation> violations = new ArrayList<>(new FigureValidator(definitions()).validate(figure));
        boolean areaChecked = violations.stream().noneMatch(v -> v.path().equals("area") || v.path().equals("period"));
        if (areaChecked && figure.level() != AreaLevel.NATIONAL) {
            int year = Period.parse(figure.period()).orElseThrow().year();
            MunicipalityDivision division = MunicipalityDivisions.forYear(year);
            boolean known = figure.level() == AreaLevel.MUNICIPALITY ? division.municipality(figure.area()).isPresent()
                    : division.regions().contains(figure.area());
            if (!known) {
                violations.add(new Violation("area", figure.level() == AreaLevel.MUNICIPALITY ? "unknown-municipality"
                        : "unknown-region", "no " + (figure.level() == AreaLevel.MUNICIPALITY ? "municipality "
                        : "Veilig Thuis region ") + figure.area() + " in the " + division.year() + " division, which "
                        + figure.period() + " uses"));
            }
        }
        return violations;
    }

    /** The current figures the caller may record, optionally of one indicator and period. */
    public List<IndicatorRecorded> current(Caller caller, String indicator, String period) {
        if (caller.readsEverything()) {
            return figures.currentOf(null, null, indicator, period).stream().map(FigureRecording::view).toList();
        }
        List<RecordedFigure> found = new ArrayList<>();
        caller.municipality().filter(m -> caller.hasRole(Caller.RESPONDENT)).ifPresent(m ->
                found.addAll(figures.currentOf(AreaLevel.MUNICIPALITY, List.of(m), indicator, period)));
        caller.region().filter(r -> caller.hasRole(Caller.COORDINATOR)).ifPresent(region -> {
            found.addAll(figures.currentOf(AreaLevel.REGION, List.of(region), indicator, period));
            List<String> members = List.copyOf(MunicipalityDivisions.membersOf(region));
            found.addAll(figures.currentOf(AreaLevel.MUNICIPALITY, members, indicator, period).stream()
                    .filter(f -> MunicipalityDivisions.forYear(Period.parse(f.period).orElseThrow().year())
                            .municipality(f.area).filter(m -> m.region().equals(region)).isPresent())
                    .toList());
        });
        return found.stream().map(FigureRecording::view).toList();
    }

    private static void requireRecorder(IndicatorFigure figure, Caller caller) {
        int year = Period.parse(figure.period()).orElseThrow().year();
        FigureAccess.requireRecorder(caller, figure.level(), figure.area(), MunicipalityDivisions.forYear(year));
    }

    private Recorded store(IndicatorFigure figure, String recordedBy) {
        String key = figure.breakdownKey();
        figures.lock(figure.indicator(), figure.period(), figure.level(), figure.area(), key);
        Optional<RecordedFigure> current = figures.current(figure.indicator(), figure.period(), figure.level(),
                figure.area(), key);
        if (current.isPresent() && current.get().value.compareTo(figure.value()) == 0) {
            return new Recorded(view(current.get()), false);
        }
        RecordedFigure stored = new RecordedFigure();
        stored.id = UUID.randomUUID();
        stored.indicator = figure.indicator();
        stored.indicatorSetVersion = definitions().version();
        stored.period = Period.parse(figure.period()).orElseThrow().toString();
        stored.level = figure.level();
        stored.area = figure.area();
        stored.breakdownKey = key;
        stored.breakdown = figure.breakdown();
        stored.value = figure.value();
        stored.version = current.map(c -> c.version + 1).orElse(1);
        stored.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        stored.recordedBy = recordedBy;
        figures.persist(stored);
        IndicatorRecorded event = view(stored);
        outbox.publish(EventType.INDICATOR_RECORDED, events.create(EventType.INDICATOR_RECORDED, event.key(), event));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("indicator", stored.indicator);
        details.put("period", stored.period);
        details.put("level", stored.level);
        details.put("area", stored.area);
        details.put("breakdown", key.isEmpty() ? null : key);
        details.put("value", stored.value.toPlainString());
        details.put("version", stored.version);
        audit.record(RECORDED, "indicator-figure/" + stored.id,
                stored.level == AreaLevel.MUNICIPALITY ? stored.area : null, details);
        return new Recorded(event, true);
    }

    private static IndicatorRecorded view(RecordedFigure f) {
        return new IndicatorRecorded(f.id, f.indicator, f.indicatorSetVersion, f.period, f.level, f.area, f.breakdown,
                IndicatorFigure.plain(f.value), f.version, f.recordedAt, f.recordedBy);
    }

}
