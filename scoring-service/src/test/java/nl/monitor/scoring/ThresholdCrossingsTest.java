package nl.monitor.scoring;

import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.scoring.service.ThresholdCrossings;
import nl.monitor.scoring.service.ThresholdCrossings.Crossing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdCrossingsTest {

    private static final List<Double> NORMS = List.of(25.0, 75.0);

    private static List<String> crossings(Double previous, double current) {
        return ThresholdCrossings.between(previous, current, NORMS).stream()
                .map(c -> c.direction() + " " + (int) c.threshold().value()).toList();
    }

    @Test
    void a_first_score_below_a_threshold_crosses_it_down() {
        assertThat(crossings(null, 20)).containsExactly("DOWN 25", "DOWN 75");
        assertThat(crossings(null, 50)).containsExactly("DOWN 75");
        assertThat(crossings(null, 80)).isEmpty();
    }

    @Test
    void moving_across_a_threshold_crosses_it_once_in_its_direction() {
        assertThat(crossings(30.0, 24.99)).containsExactly("DOWN 25");
        assertThat(crossings(24.99, 25.0)).containsExactly("UP 25");
        assertThat(crossings(20.0, 80.0)).containsExactly("UP 25", "UP 75");
        assertThat(crossings(80.0, 10.0)).containsExactly("DOWN 25", "DOWN 75");
    }

    @Test
    void staying_on_one_side_crosses_nothing() {
        assertThat(crossings(20.0, 10.0)).isEmpty();
        assertThat(crossings(25.0, 74.0)).isEmpty();
        assertThat(crossings(10.0, 24.0)).isEmpty();
    }

    @Test
    void a_crossing_names_its_threshold_on_the_total() {
        Crossing crossing = ThresholdCrossings.between(30.0, 10.0, List.of(25.0)).get(0);

        assertThat(crossing.direction()).isEqualTo(Direction.DOWN);
        assertThat(crossing.threshold().goal()).isNull();
        assertThat(crossing.threshold().value()).isEqualTo(25.0);
    }
}
