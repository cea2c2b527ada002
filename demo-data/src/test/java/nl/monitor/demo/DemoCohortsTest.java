package nl.monitor.demo;

import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.AssessmentValidator;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.AssessmentScore;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.Scorer;
import nl.monitor.reference.MunicipalityDivision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCohortsTest {

    private final DemoCohorts cohorts = DemoCohorts.standard();

    @Test
    void every_generated_assessment_is_valid_against_the_questionnaire() {
        AssessmentValidator validator = new AssessmentValidator(Questionnaires.latest());
        for (int year : DemoCohorts.YEARS) {
            for (Assessment assessment : cohorts.wave(year)) {
                assertThat(validator.validate(assessment)).as(assessment.municipality() + " " + year).isEmpty();
                assertThat(assessment.year()).isEqualTo(year);
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_waves_and_another_seed_other_ones() {
        assertThat(DemoCohorts.standard().wave(2017)).isEqualTo(cohorts.wave(2017));
        assertThat(new DemoCohorts(MunicipalityDivision.shipped(), 7).wave(2017)).isNotEqualTo(cohorts.wave(2017));
    }

    @Test
    void participation_per_size_class_is_near_the_response_of_tabel_3_1() {
        MunicipalityDivision division = MunicipalityDivision.shipped();
        Map<Integer, Long> invited = division.all().stream()
                .collect(Collectors.groupingBy(m -> m.sizeClass().number(), Collectors.counting()));
        Map<Integer, Long> participated2014 = cohorts.wave(2014).stream().collect(Collectors.groupingBy(
                a -> division.municipality(a.municipality()).orElseThrow().sizeClass().number(),
                Collectors.counting()));
        // Tabel 3.1, 2014: 49% of size class 1, 54% of class 2 (of the municipalities of that year).
        assertThat(participated2014.get(1) / (double) invited.get(1)).isBetween(0.39, 0.59);
        assertThat(participated2014.get(2) / (double) invited.get(2)).isBetween(0.44, 0.64);
        int total2014 = cohorts.wave(2014).size();
        int total2017 = cohorts.wave(2017).size();
        // Overall response 51% in 2014 and 44% in 2017, here over the 351 municipalities the demo may use.
        assertThat(total2014).isBetween(150, 210);
        assertThat(total2017).isBetween(125, 185);
        assertThat(total2017).isLessThan(total2014);
    }

    @Test
    void scores_spread_over_the_bands_and_2017_is_a_little_better_than_2014() {
        Scorer scorer = Scorer.latest();
        Map<Integer, List<AssessmentScore>> scores = DemoCohorts.YEARS.stream().collect(Collectors.toMap(
                Function.identity(), year -> cohorts.wave(year).stream().map(scorer::score).toList()));
        for (List<AssessmentScore> wave : scores.values()) {
            Map<Band, Long> bands = wave.stream().collect(Collectors.groupingBy(AssessmentScore::band,
                    Collectors.counting()));
            assertThat(bands.getOrDefault(Band.RED, 0L)).as("red").isPositive();
            assertThat(bands.getOrDefault(Band.GREEN, 0L)).as("green").isPositive();
            assertThat(bands.get(Band.ORANGE)).as("orange, the most").isGreaterThan(bands.get(Band.RED))
                    .isGreaterThan(bands.get(Band.GREEN));
        }
        assertThat(mean(scores.get(2017))).isGreaterThan(mean(scores.get(2014)));
    }

    @Test
    void the_demo_municipality_of_the_local_run_is_left_out() {
        for (int year : DemoCohorts.YEARS) {
            assertThat(cohorts.wave(year)).extracting(Assessment::municipality)
                    .doesNotContain(DemoCohorts.DEMO_MUNICIPALITY).doesNotHaveDuplicates();
        }
    }

    private static double mean(List<AssessmentScore> scores) {
        return scores.stream().mapToDouble(AssessmentScore::total).average().orElseThrow();
    }
}
