package nl.monitor.scoring.indicator;

import nl.monitor.contracts.ThresholdCrossed.AlertWhen;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorThresholdRuleTest {

    /** The crossings a sequence of figures makes, each as "UP"/"DOWN" or "-" for none. */
    private static List<String> run(AlertWhen when, String threshold, String margin, String... values) {
        Boolean alerting = null;
        List<String> crossings = new ArrayList<>();
        for (String value : values) {
            IndicatorThresholdRule.Evaluation e = IndicatorThresholdRule.evaluate(alerting, new BigDecimal(value),
                    new BigDecimal(threshold), when, new BigDecimal(margin));
            crossings.add(e.crossing().map(Direction::name).orElse("-"));
            alerting = e.alerting();
        }
        return crossings;
    }

    @Test
    void above_fires_going_up_past_the_threshold_and_resolves_going_back() {
        assertThat(run(AlertWhen.ABOVE, "12", "0", "10", "12", "12.1", "14", "12", "13"))
                .containsExactly("-", "-", "UP", "-", "DOWN", "UP");
    }

    @Test
    void a_first_figure_already_on_the_alerting_side_fires_and_one_on_the_quiet_side_does_not() {
        assertThat(run(AlertWhen.ABOVE, "12", "0", "20")).containsExactly("UP");
        assertThat(run(AlertWhen.ABOVE, "12", "0", "12")).containsExactly("-");
        assertThat(run(AlertWhen.BELOW, "50", "0", "49.9")).containsExactly("DOWN");
        assertThat(run(AlertWhen.BELOW, "50", "0", "50")).containsExactly("-");
    }

    @Test
    void with_a_margin_a_figure_moving_about_its_threshold_fires_once_and_resolves_once() {
        // alerting above 12, quiet again only at 10 or less
        assertThat(run(AlertWhen.ABOVE, "12", "2", "13", "11", "13", "10.5", "9", "11", "12.5"))
                .containsExactly("UP", "-", "-", "-", "DOWN", "-", "UP");
        // alerting below 50, quiet again only at 55 or more
        assertThat(run(AlertWhen.BELOW, "50", "5", "49", "52", "48", "55", "51", "49.99"))
                .containsExactly("DOWN", "-", "-", "UP", "-", "DOWN");
    }

    @Test
    void the_same_figure_again_crosses_nothing() {
        assertThat(run(AlertWhen.ABOVE, "12", "0", "13", "13", "13")).containsExactly("UP", "-", "-");
    }
}
