package nl.monitor.reporting.report;

import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reference.SizeClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static nl.monitor.reporting.report.Rounding.mean;
import static nl.monitor.reporting.report.Rounding.percent;

/**
 * Tabel 3.1 counted by each year's own municipal division: the invited municipalities, size classes and regions are
 * those of the division that year's wave invites ({@link MunicipalityDivisions#choose(int)}), and each participant
 * is placed in its size class and region of that division. A participant whose code that division does not know
 * keeps the size class and region the read model stored for it, and is counted in {@code outsideDivision}.
 */
public final class DivisionParticipation {

    /** One current score of a year, as the read model holds it. */
    public record Participant(int year, String municipality, String region, int sizeClass, double total) {
    }

    private final IntFunction<MunicipalityDivisions.Choice> divisions;

    public DivisionParticipation(IntFunction<MunicipalityDivisions.Choice> divisions) {
        this.divisions = divisions;
    }

    /** With the divisions the platform ships. */
    public static DivisionParticipation shipped() {
        return new DivisionParticipation(MunicipalityDivisions::choose);
    }

    /** The report of a scope (its size-class filter makes no sense here and is ignored) over its participants. */
    public ParticipationReport report(ReportScope scope, List<Participant> participants) {
        Map<Integer, List<Placed>> placedByYear = participants.stream()
                .map(this::place).filter(p -> scope.region() == null || scope.region().equals(p.region()))
                .collect(Collectors.groupingBy(p -> p.participant().year()));
        List<ParticipationReport.YearDivision> yearDivisions = new ArrayList<>();
        List<List<ParticipationReport.YearParticipation>> byClass = new ArrayList<>();
        for (int i = 0; i <= SizeClass.values().length; i++) {
            byClass.add(new ArrayList<>());
        }
        for (int year : scope.years()) {
            MunicipalityDivisions.Choice choice = divisions.apply(year);
            List<Municipality> invited = choice.division().all().stream()
                    .filter(m -> scope.region() == null || scope.region().equals(m.region())).toList();
            List<Placed> placed = placedByYear.getOrDefault(year, List.of());
            for (SizeClass sizeClass : SizeClass.values()) {
                byClass.get(sizeClass.number() - 1).add(participation(year,
                        invited.stream().filter(m -> m.sizeClass() == sizeClass).count(),
                        placed.stream().filter(p -> p.sizeClass() == sizeClass.number()).toList(),
                        scope.smallCells()));
            }
            byClass.get(SizeClass.values().length).add(participation(year, invited.size(), placed,
                    scope.smallCells()));
            yearDivisions.add(new ParticipationReport.YearDivision(year, choice.intendedDivisionYear(),
                    choice.division().year(), choice.exact(), invited.size(),
                    placed.stream().filter(Predicate.not(Placed::inDivision)).count(), choice.describe()));
        }
        List<ParticipationReport.SizeClassRow> rows = new ArrayList<>();
        for (SizeClass sizeClass : SizeClass.values()) {
            rows.add(new ParticipationReport.SizeClassRow(sizeClass.number(), sizeClass.label(),
                    byClass.get(sizeClass.number() - 1)));
        }
        rows.add(new ParticipationReport.SizeClassRow(null, "Totaal", byClass.get(SizeClass.values().length)));
        String note = "invited: " + yearDivisions.stream().map(d -> d.year() + " " + d.description())
                .collect(Collectors.joining("; "));
        return new ParticipationReport(scope.year(), scope.compareWith(), scope.region(), note, rows, yearDivisions,
                DivisionMapping.of(scope));
    }

    private record Placed(Participant participant, String region, int sizeClass, boolean inDivision) {
    }

    private Placed place(Participant participant) {
        MunicipalityDivision division = divisions.apply(participant.year()).division();
        Optional<Municipality> known = division.municipality(participant.municipality());
        return known.map(m -> new Placed(participant, m.region(), m.sizeClass().number(), true))
                .orElseGet(() -> new Placed(participant, participant.region(), participant.sizeClass(), false));
    }

    private static ParticipationReport.YearParticipation participation(int year, long invited, List<Placed> placed,
                                                                       SmallCells cells) {
        Double meanTotal = placed.isEmpty() ? null
                : mean(placed.stream().mapToDouble(p -> p.participant().total()).average().orElseThrow());
        return new ParticipationReport.YearParticipation(year, invited, placed.size(),
                percent(placed.size(), invited), cells.show(placed.size(), meanTotal), cells.suppress(placed.size()));
    }
}
