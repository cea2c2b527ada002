package nl.monitor.scoring.plan;

import nl.monitor.contracts.ThresholdCrossed.TargetStatus;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.plan.TargetProgress.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule of a municipality's own target: missed fires once, met again resolves, equal meets it. */
class TargetRuleTest {

    private static final List<Target> GOAL = List.of(new Target(2024, 55), new Target(2026, 70));

    @Test
    void a_first_result_short_of_the_target_fires_and_a_first_one_meeting_it_is_quiet() {
        assertThat(TargetRule.evaluate(null, 2024, 42, GOAL, Better.HIGHER))
                .isEqualTo(new TargetRule.Evaluation(true, Optional.of(TargetStatus.MISSED)));
        assertThat(TargetRule.evaluate(null, 2024, 55, GOAL, Better.HIGHER))
                .as("equal meets it").isEqualTo(new TargetRule.Evaluation(false, Optional.empty()));
    }

    @Test
    void missed_again_changes_nothing_met_resolves_and_missed_after_met_fires_again() {
        assertThat(TargetRule.evaluate(true, 2024, 40, GOAL, Better.HIGHER).crossing()).isEmpty();
        assertThat(TargetRule.evaluate(true, 2024, 58, GOAL, Better.HIGHER))
                .isEqualTo(new TargetRule.Evaluation(false, Optional.of(TargetStatus.MET)));
        assertThat(TargetRule.evaluate(false, 2024, 58, GOAL, Better.HIGHER).crossing()).isEmpty();
        assertThat(TargetRule.evaluate(false, 2024, 54.99, GOAL, Better.HIGHER).crossing())
                .contains(TargetStatus.MISSED);
    }

    @Test
    void each_year_is_held_against_its_own_target_of_the_series() {
        // 60 meets 2024's 55 but not 2026's 70
        assertThat(TargetRule.evaluate(null, 2024, 60, GOAL, Better.HIGHER).missed()).isFalse();
        assertThat(TargetRule.evaluate(null, 2026, 60, GOAL, Better.HIGHER).missed()).isTrue();
        assertThatThrownBy(() -> TargetRule.evaluate(null, 2025, 60, GOAL, Better.HIGHER))
                .as("2025 has no target of its own: nothing to miss").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_figure_where_lower_is_better_misses_its_target_from_above() {
        List<Target> repeatReports = List.of(new Target(2024, 12.5));
        assertThat(TargetRule.evaluate(null, 2024, 14.5, repeatReports, Better.LOWER).crossing())
                .contains(TargetStatus.MISSED);
        assertThat(TargetRule.evaluate(true, 2024, 11, repeatReports, Better.LOWER).crossing())
                .contains(TargetStatus.MET);
        assertThat(TargetRule.evaluate(null, 2024, 12.5, repeatReports, Better.LOWER).missed()).isFalse();
    }
}
