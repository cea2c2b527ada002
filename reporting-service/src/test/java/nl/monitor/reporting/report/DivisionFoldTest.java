package nl.monitor.reporting.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fold of an earlier division's values onto a later year's municipalities, and the note a report adds to it. */
class DivisionFoldTest {

    private static final ReportScope GOOI_2017_AGAINST_2014 = new ReportScope(2017, 2014, "Gooi en Vechtstreek", null);

    @Test
    void predecessors_fold_per_key_into_a_weighted_mean_and_a_municipality_keeps_its_own() {
        Map<String, Map<String, double[]>> folded = DivisionFold.onto(GOOI_2017_AGAINST_2014, List.of(
                new DivisionFold.Earlier<>("GM0381", "total", 72.5, 8),        // Bussum
                new DivisionFold.Earlier<>("GM0424", "total", 45, 6),          // Muiden
                new DivisionFold.Earlier<>("GM0424", "other", 10),             // only Muiden has it
                new DivisionFold.Earlier<>("GM0406", "total", 45, 7),          // Huizen, in both divisions
                new DivisionFold.Earlier<>("GM0363", "total", 99, 9)));        // Amsterdam: another region

        // Bussum and Muiden each a third of Gooise Meren's 2016 inhabitants: equal weights
        assertThat(folded).containsOnlyKeys("GM1942", "GM0406");
        assertThat(folded.get("GM1942").get("total")).containsExactly(new double[]{58.75, 7}, within(1e-9));
        assertThat(folded.get("GM1942").get("other")).containsExactly(new double[]{10}, within(1e-9));
        assertThat(folded.get("GM0406").get("total")).containsExactly(45, 7);
        assertThat(DivisionFold.applies(GOOI_2017_AGAINST_2014)).isTrue();
    }

    @Test
    void the_note_says_what_folds_and_what_is_counted_unfolded_only_when_the_divisions_differ() {
        String note = DivisionFold.note(GOOI_2017_AGAINST_2014, "the goal means", "the choices").note();
        assertThat(note).startsWith(DivisionMapping.of(GOOI_2017_AGAINST_2014).note())
                .contains("This report folds the goal means of 2014 onto the municipalities of 2017")
                .contains("The choices of 2014 are counted over its own 2013 municipalities")
                .contains("not folded");

        ReportScope oneDivision = new ReportScope(2031, 2030, null, null);
        assertThat(DivisionFold.applies(oneDivision)).isFalse();
        assertThat(DivisionFold.note(oneDivision, "the goal means", "the choices").note())
                .isEqualTo(DivisionMapping.of(oneDivision).note());
        assertThat(DivisionFold.note(new ReportScope(2031, null, null, null), "the goal means", null)).isNull();
    }
}
