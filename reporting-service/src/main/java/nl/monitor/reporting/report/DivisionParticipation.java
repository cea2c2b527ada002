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
 *
 * <p>Compared with an earlier wave of another division, as Tabel 3.1 does ("indeling 2017"): each wave's totals under
 * its own division ({@link ParticipationReport.YearDivision}: 2014 208 of 408), and the size-class breakdown of both
 * years under the later year's division, the earlier participants folded onto it ({@code successorsIn}: a later
 * municipality participates when a predecessor did; 2014 197 of 388), each with its predecessors'
 * population-weighted mean total ({@link Predecessors}); {@link DivisionMapping} states the fold.
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
        MunicipalityDivisions.Choice later = divisions.apply(scope.year());
        for (int year : scope.years()) {
            MunicipalityDivisions.Choice choice = divisions.apply(year);
            List<Municipality> invited = choice.division().all().stream()
                    .filter(m -> scope.region() == null || scope.region().equals(m.region())).toList();
            List<Placed> placed = placedByYear.getOrDefault(year, List.of());
            // Tabel 3.1: an earlier wave of another division is broken down under the later year's division, a later
            // municipality participating when a predecessor did (the mapping states the fold)
            boolean folded = year != scope.year() && choice.division().year() != later.division().year();
            List<Municipality> classInvited = folded ? later.division().all().stream()
                    .filter(m -> scope.region() == null || scope.region().equals(m.region())).toList() : invited;
            List<Placed> classPlaced = folded ? fold(participants, year, scope, later.division()) : placed;
            for (SizeClass sizeClass : SizeClass.values()) {
                byClass.get(sizeClass.number() - 1).add(participation(year,
                        classInvited.stream().filter(m -> m.sizeClass() == sizeClass).count(),
                        classPlaced.stream().filter(p -> p.sizeClass() == sizeClass.number()).toList(),
                        scope.smallCells()));
            }
            byClass.get(SizeClass.values().length).add(participation(year, classInvited.size(), classPlaced,
                    scope.smallCells()));
            yearDivisions.add(new ParticipationReport.YearDivision(year, choice.intendedDivisionYear(),
                    choice.division().year(), choice.exact(), invited.size(), placed.size(),
                    percent(placed.size(), invited.size()),
                    placed.stream().filter(Predicate.not(Placed::inDivision)).count(),
                    folded ? later.division().year() : null, choice.describe()));
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

    /**
     * The participants of an earlier year folded onto the later division: one per later municipality (of the scope's
     * region) that a participant went into, in its size class, with its predecessors' population-weighted mean total.
     */
    private List<Placed> fold(List<Participant> participants, int year, ReportScope scope, MunicipalityDivision onto) {
        int from = divisions.apply(year).division().year();
        Map<String, Participant> byCode = participants.stream().filter(p -> p.year() == year)
                .collect(Collectors.toMap(Participant::municipality, p -> p, (a, b) -> a));
        Map<String, Double> weighted = new java.util.TreeMap<>();
        Map<String, Double> weights = new java.util.HashMap<>();
        for (Participant participant : byCode.values()) {
            List<String> into = onto.municipality(participant.municipality()).isPresent()
                    ? List.of(participant.municipality())
                    : MunicipalityDivisions.of(from).isPresent()
                    ? MunicipalityDivisions.successorsIn(participant.municipality(), from, onto.year()) : List.of();
            for (String code : into) {
                double weight = Predecessors.of(code, scope.year(), year).predecessors().stream()
                        .filter(p -> p.code().equals(participant.municipality()))
                        .mapToDouble(Predecessors.Predecessor::weight).findFirst().orElse(1);
                weighted.merge(code, weight * participant.total(), Double::sum);
                weights.merge(code, weight, Double::sum);
            }
        }
        List<Placed> placed = new ArrayList<>();
        weighted.forEach((code, sum) -> {
            Municipality municipality = onto.municipality(code).orElseThrow();
            if (scope.region() == null || scope.region().equals(municipality.region())) {
                placed.add(new Placed(new Participant(year, code, municipality.region(),
                        municipality.sizeClass().number(), sum / weights.get(code)), municipality.region(),
                        municipality.sizeClass().number(), true));
            }
        });
        return placed;
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
