package nl.monitor.reporting.report;

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

        ParticipationReport.SizeClassRow total = report.sizeClasses().get(5);
        assertThat(total.label()).isEqualTo("Totaal");
        assertThat(total.years()).extracting(ParticipationReport.YearParticipation::invited).containsExactly(388L, 352L);
        assertThat(total.years()).extracting(ParticipationReport.YearParticipation::participated)
                .containsExactly(1L, 1L);
        // 1 of 388 = 0.26 % -> 0 %; 1 of 352 -> 0 %.
        assertThat(total.years()).extracting(ParticipationReport.YearParticipation::percent).containsExactly(0, 0);
        assertThat(report.divisions()).extracting(ParticipationReport.YearDivision::divisionYear)
                .containsExactly(2017, 2021);
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
}
