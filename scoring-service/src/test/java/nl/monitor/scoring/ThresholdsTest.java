package nl.monitor.scoring;

import nl.monitor.contracts.ThresholdCrossed.Threshold;
import nl.monitor.scoring.service.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTest {

    private static final Thresholds NORMS = new Thresholds(List.of(Threshold.total(25), Threshold.total(75)), 0);

    /** Feeds the totals one after another, as successive scores of one municipality; returns every crossing. */
    private static List<String> run(Thresholds thresholds, double... totals) {
        List<String> crossings = new ArrayList<>();
        Set<String> below = null;
        Double previous = null;
        for (double total : totals) {
            Double before = previous;
            Thresholds.Outcome outcome = thresholds.evaluate(below, t -> before, t -> total);
            outcome.crossings().forEach(c -> crossings.add(c.direction() + " " + (int) c.threshold().value()));
            below = outcome.below();
            previous = total;
        }
        return crossings;
    }

    @Test
    void a_first_score_below_a_threshold_crosses_it_down() {
        assertThat(run(NORMS, 20)).containsExactly("DOWN 25", "DOWN 75");
        assertThat(run(NORMS, 50)).containsExactly("DOWN 75");
        assertThat(run(NORMS, 80)).isEmpty();
    }

    @Test
    void moving_across_a_threshold_crosses_it_once_in_its_direction() {
        assertThat(run(NORMS, 80, 30, 24.99)).containsExactly("DOWN 75", "DOWN 25");
        assertThat(run(NORMS, 24.99, 25.0)).containsExactly("DOWN 25", "DOWN 75", "UP 25");
        assertThat(run(NORMS, 20, 80)).containsExactly("DOWN 25", "DOWN 75", "UP 25", "UP 75");
        assertThat(run(NORMS, 80, 10)).containsExactly("DOWN 25", "DOWN 75");
    }

    @Test
    void staying_on_one_side_crosses_nothing() {
        assertThat(run(NORMS, 20, 10, 24)).containsExactly("DOWN 25", "DOWN 75");
        assertThat(run(NORMS, 76, 80, 75)).isEmpty();
    }

    @Test
    void with_a_margin_an_oscillating_score_alerts_once_and_recovers_only_past_threshold_plus_margin() {
        Thresholds withMargin = new Thresholds(List.of(Threshold.total(25)), 5);

        assertThat(run(withMargin, 24, 26, 24, 29.99)).containsExactly("DOWN 25");
        assertThat(run(withMargin, 24, 26, 24, 30)).containsExactly("DOWN 25", "UP 25");
        // From above, going under the threshold is always reported: a municipality below the norm is never missed.
        assertThat(run(withMargin, 40, 24.99)).containsExactly("DOWN 25");
        assertThat(run(withMargin, 24, 30, 27, 24)).containsExactly("DOWN 25", "UP 25", "DOWN 25");
        // Without a margin the same scores alert on every move.
        assertThat(run(new Thresholds(List.of(Threshold.total(25)), 0), 24, 26, 24, 26))
                .containsExactly("DOWN 25", "UP 25", "DOWN 25", "UP 25");
    }

    @Test
    void a_goal_threshold_watches_that_goal_and_an_unanswered_goal_keeps_its_state() {
        Thresholds goal3 = new Thresholds(List.of(Threshold.goal(3, 40)), 0);

        Thresholds.Outcome first = goal3.evaluate(null, t -> null, Thresholds.values(80, Map.of(3, 30.0)));
        assertThat(first.crossings()).singleElement().satisfies(c -> {
            assertThat(c.threshold().goal()).isEqualTo(3);
            assertThat(c.direction().name()).isEqualTo("DOWN");
        });
        assertThat(first.below()).containsExactly("goal3<40.0");

        Thresholds.Outcome unanswered = goal3.evaluate(first.below(), Thresholds.values(80, Map.of(3, 30.0)),
                Thresholds.values(90, Map.of(1, 100.0)));
        assertThat(unanswered.crossings()).isEmpty();
        assertThat(unanswered.below()).containsExactly("goal3<40.0");

        Thresholds.Outcome recovered = goal3.evaluate(unanswered.below(), Thresholds.values(90, Map.of()),
                Thresholds.values(90, Map.of(3, 45.0)));
        assertThat(recovered.crossings()).extracting(c -> c.direction().name()).containsExactly("UP");
        assertThat(recovered.below()).isEmpty();
    }

    @Test
    void a_score_stored_before_states_were_kept_is_judged_by_its_value() {
        Thresholds.Outcome outcome = NORMS.evaluate(null, t -> 20.0, t -> 50.0);

        assertThat(outcome.crossings()).extracting(c -> c.direction() + " " + (int) c.threshold().value())
                .containsExactly("UP 25");
        assertThat(outcome.below()).containsExactly("total<75.0");
    }

    @Test
    void a_negative_margin_is_refused() {
        assertThatThrownBy(() -> new Thresholds(List.of(Threshold.total(25)), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("margin");
    }
}
