package nl.monitor.reporting.report;

import nl.monitor.demo.DemoCohorts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tabel 3.1 counted by each year's own division, over the divisions the platform ships. */
class DivisionParticipationTest {

    private final DivisionParticipation participation = DivisionParticipation.shipped();

    @Test
    void a_2017_cohort_is_counted_against_the_388_of_2017_and_a_2021_one_against_the_352_of_2021() {
        ParticipationReport report = participation.report(new ReportScope(2021, 2017, null, null), List.of(
                new DivisionParticipation.Participant(2017, "GM0080", "Fryslân", 4, 72.5),
                new DivisionParticipation.Participant(2021, "GM0080", "Fryslân", 4, 80)));

        // each wave's own totals: 2017 1 of 388 (0.26 % -> 0 %), 2021 1 of 352
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::divisionYear)
                .containsExactly(2017, 2021);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::invited)
                .containsExactly(388L, 352L);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::participated)
                .containsExactly(1L, 1L);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::percent).containsExactly(0, 0);
        // the size classes of both under the 2021 division: Leeuwarden 2017 is Leeuwarden 2021
        ParticipationReport.SizeClassRow total = report.sizeClasses().get(5);
        assertThat(total.label()).isEqualTo("Totaal");
        assertThat(total.years()).extracting(ParticipationReport.YearParticipation::invited).containsExactly(352L, 352L);
        assertThat(total.years()).extracting(ParticipationReport.YearParticipation::participated)
                .containsExactly(1L, 1L);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::sizeClassesIn)
                .containsExactly(2021, null);
        assertThat(report.divisionNote()).contains("2017 the 388 municipalities of the CBS division of 1 January 2017",
                "2021 the 352 municipalities of the CBS division of 1 January 2021");
    }

    @Test
    void size_classes_of_2017_are_those_of_the_2017_division() {
        ParticipationReport report = participation.report(new ReportScope(2017, null, null, null), List.of());

        // The shipped 2017 figures (CBS, 1 January 2016): 170 / 140 / 47 / 27 / 4 (the report: 171 / 140 / 47 / 26 / 4).
        assertThat(report.sizeClasses()).extracting(row -> row.years().get(0).invited())
                .containsExactly(170L, 140L, 47L, 27L, 4L, 388L);
    }

    @Test
    void the_2014_wave_invites_the_408_of_1_january_2013() {
        ParticipationReport report = participation.report(new ReportScope(2014, null, null, null), List.of());

        assertThat(report.sizeClasses().get(5).years().get(0).invited()).isEqualTo(408);
        assertThat(report.divisions().get(0)).satisfies(d -> {
            assertThat(d.intendedDivisionYear()).isEqualTo(2013);
            assertThat(d.exact()).isTrue();
        });
    }

    @Test
    void a_participant_unknown_to_the_years_division_keeps_its_stored_class_and_is_counted_as_outside() {
        // Waadhoeke (GM1949) exists from 2018: in a 2017 report it is outside the division.
        ParticipationReport report = participation.report(new ReportScope(2017, null, "Fryslân", null), List.of(
                new DivisionParticipation.Participant(2017, "GM0072", "Fryslân", 1, 10),
                new DivisionParticipation.Participant(2017, "GM1949", "Fryslân", 2, 20),
                new DivisionParticipation.Participant(2017, "GM0014", "Groningen", 4, 30)));

        assertThat(report.sizeClasses()).extracting(row -> row.years().get(0).invited())
                .containsExactly(14L, 5L, 4L, 1L, 0L, 24L);
        assertThat(report.sizeClasses()).extracting(row -> row.years().get(0).participated())
                .containsExactly(1L, 1L, 0L, 0L, 0L, 2L);
        assertThat(report.sizeClasses().get(5).years().get(0).meanTotal()).isEqualTo(15.0);
        assertThat(report.divisions().get(0).outsideDivision()).isEqualTo(1);
    }

    @Test
    void a_year_without_its_own_division_says_which_stood_in() {
        ParticipationReport report = participation.report(new ReportScope(2019, null, null, null), List.of());

        assertThat(report.divisions().get(0)).satisfies(d -> {
            assertThat(d.divisionYear()).isEqualTo(2017);
            assertThat(d.exact()).isFalse();
            assertThat(d.description()).contains("1 January 2019 is not shipped");
        });
    }

    @Test
    void the_demo_waves_compare_as_tabel_3_1_each_wave_under_its_own_division_the_classes_under_2017s() {
        DemoCohorts cohorts = DemoCohorts.standard();
        List<DivisionParticipation.Participant> participants = DemoCohorts.YEARS.stream()
                .flatMap(year -> cohorts.wave(year).stream().map(a -> new DivisionParticipation.Participant(year,
                        a.municipality(), "?", 0, 50)))
                .toList();

        ParticipationReport report = participation.report(new ReportScope(2017, 2014, null, null), participants);

        // totals under each wave's own division: 208 of 408 (51 %) in 2014, 169 of 388 (44 %) in 2017
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::divisionYear)
                .containsExactly(2013, 2017);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::invited)
                .containsExactly(408L, 388L);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::participated)
                .containsExactly(208L, 169L);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::percent).containsExactly(51, 44);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::outsideDivision)
                .containsExactly(0L, 0L);
        // per size class of the 2017 division ("indeling 2017"): 2014 folded, 83/76/18/17/3 = 197; 2017 61/66/21/18/3
        assertThat(report.sizeClasses()).extracting(row -> row.years().get(0).participated())
                .containsExactly(83L, 76L, 18L, 17L, 3L, 197L);
        assertThat(report.sizeClasses()).extracting(row -> row.years().get(1).participated())
                .containsExactly(61L, 66L, 21L, 18L, 3L, 169L);
        // both against 2017's invited (the shipped figures; the report's 171/140/47/26/4)
        assertThat(report.sizeClasses()).extracting(row -> row.years().get(0).invited())
                .containsExactly(170L, 140L, 47L, 27L, 4L, 388L);
        assertThat(report.sizeClasses()).extracting(row -> row.years().get(1).invited())
                .containsExactly(170L, 140L, 47L, 27L, 4L, 388L);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::sizeClassesIn)
                .containsExactly(2017, null);
        // the fold is stated: Bussum, Muiden and Naarden into Gooise Meren, among others
        assertThat(report.mapping().mapped()).isTrue();
        assertThat(report.mapping().folds()).anySatisfy(f -> {
            assertThat(f.into()).isEqualTo("GM1942");
            assertThat(f.from()).extracting(DivisionMapping.From::code).containsExactly("GM0381", "GM0424", "GM0425");
        });
    }
}
