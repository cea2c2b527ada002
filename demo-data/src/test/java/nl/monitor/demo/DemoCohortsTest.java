package nl.monitor.demo;

import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.AssessmentValidator;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.AssessmentScore;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.Scorer;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reference.SizeClass;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        assertThat(new DemoCohorts(7).wave(2017)).isNotEqualTo(cohorts.wave(2017));
    }

    @Test
    void participation_is_that_of_tabel_3_1_each_wave_on_its_own_division() {
        MunicipalityDivision division2013 = MunicipalityDivisions.of(2013).orElseThrow();
        MunicipalityDivision division2017 = MunicipalityDivisions.of(2017).orElseThrow();
        List<String> wave2014 = cohorts.wave(2014).stream().map(Assessment::municipality).toList();
        List<String> wave2017 = cohorts.wave(2017).stream().map(Assessment::municipality).toList();

        // 208 of the 408 municipalities of 1 January 2013 (51 %), 169 of the 388 of 2017 (44 %)
        assertThat(wave2014).hasSize(208).allMatch(c -> division2013.municipality(c).isPresent());
        assertThat(wave2017).hasSize(169).allMatch(c -> division2017.municipality(c).isPresent());
        assertThat(wave2014).contains("GM0381", "GM0424", "GM0425");        // Bussum, Muiden, Naarden: 2013 codes
        assertThat(wave2017).doesNotContain("GM0381", "GM0424", "GM0425");

        // per size class of the 2017 division: 2017 61/66/21/18/3; 2014 folded onto 2017 (a 2017 municipality took
        // part when a predecessor did) 197 municipalities, 83/76/18/17/3
        assertThat(perClass(wave2017.stream().map(c -> division2017.municipality(c).orElseThrow()).toList()))
                .containsExactly(61L, 66L, 21L, 18L, 3L);
        Set<String> folded = wave2014.stream()
                .flatMap(c -> MunicipalityDivisions.successorsIn(c, 2013, 2017).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(folded).hasSize(197);
        assertThat(perClass(folded.stream().map(c -> division2017.municipality(c).orElseThrow()).toList()))
                .containsExactly(83L, 76L, 18L, 17L, 3L);
    }

    private static List<Long> perClass(List<Municipality> municipalities) {
        return Arrays.stream(SizeClass.values())
                .map(k -> municipalities.stream().filter(m -> m.sizeClass() == k).count()).toList();
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

    @Test
    void the_laid_down_goals_name_their_documents_in_the_shares_of_the_2017_report_in_each_wave() {
        for (int year : DemoCohorts.YEARS) {
            List<String> named = cohorts.wave(year).stream().flatMap(a -> a.goals().stream())
                    .flatMap(goal -> goal.borging().documents().stream()).toList();
            assertThat(named).as("mentions in %d", year).hasSizeGreaterThan(300);
            Map<String, Long> percent = DocumentShares.shares(named).entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> Math.round(e.getValue())));
            // seed 000 §4 "Alle doelstellingen: borging": regiovisie 30 %, uitvoeringsplan 20 %, notitie
            // jeugdbeleid 18 %, Kadernota Wmo 4 %, the rest "Anders"
            assertThat(percent).as("%d", year).containsExactlyInAnyOrderEntriesOf(Map.of("regional-vision", 30L,
                    "implementation-plan", 20L, "youth-policy-memo", 18L, "wmo-framework-memo", 4L, "other", 28L));
        }
        // A goal names a kind once, "Anders" with its text.
        cohorts.wave(2017).stream().flatMap(a -> a.goals().stream()).map(goal -> goal.borging()).forEach(borging -> {
            assertThat(borging.documents()).doesNotHaveDuplicates();
            assertThat(borging.otherDocumentText() != null).isEqualTo(borging.documents().contains("other"));
        });
    }

    private static double mean(List<AssessmentScore> scores) {
        return scores.stream().mapToDouble(AssessmentScore::total).average().orElseThrow();
    }
}
