package nl.monitor.domain.plan;

import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.plan.TargetProgress.Progress;
import nl.monitor.domain.plan.TargetProgress.Status;
import nl.monitor.domain.plan.TargetProgress.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TargetProgressTest {

    private static TreeMap<Integer, Double> series(Object... yearValue) {
        TreeMap<Integer, Double> map = new TreeMap<>();
        for (int i = 0; i < yearValue.length; i += 2) {
            map.put((Integer) yearValue[i], ((Number) yearValue[i + 1]).doubleValue());
        }
        return map;
    }

    @Test
    void in_the_target_year_the_result_meets_or_misses_it() {
        List<Target> targets = List.of(new Target(2063, 70));
        assertThat(TargetProgress.of(2063, series(2061, 40, 2063, 70), targets, Better.HIGHER).orElseThrow().status())
                .isEqualTo(Status.MET);
        Progress missed = TargetProgress.of(2063, series(2061, 40, 2063, 69.5), targets, Better.HIGHER).orElseThrow();
        assertThat(missed.status()).isEqualTo(Status.MISSED);
        assertThat(missed.targetYear()).isEqualTo(2063);
        assertThat(missed.expected()).isNull();
        // after the last target's year it still counts
        assertThat(TargetProgress.of(2065, series(2065, 50), targets, Better.HIGHER).orElseThrow().status())
                .isEqualTo(Status.MISSED);
        // lower is better: 12 meets a target of 15
        assertThat(TargetProgress.of(2063, series(2063, 12), List.of(new Target(2063, 15)), Better.LOWER)
                .orElseThrow().status()).isEqualTo(Status.MET);
    }

    @Test
    void before_the_target_year_the_result_is_held_against_the_linear_path_from_the_first_wave() {
        List<Target> targets = List.of(new Target(2064, 80));
        // path 2061: 50 -> 2064: 80, so 60 expected in 2062
        Progress onTrack = TargetProgress.of(2062, series(2061, 50, 2062, 60), targets, Better.HIGHER).orElseThrow();
        assertThat(onTrack.status()).isEqualTo(Status.ON_TRACK);
        assertThat(onTrack.expected()).isEqualTo(60.0);
        Progress behind = TargetProgress.of(2063, series(2061, 50, 2062, 60, 2063, 65), targets, Better.HIGHER)
                .orElseThrow();
        assertThat(behind.expected()).isEqualTo(70.0);
        assertThat(behind.status()).isEqualTo(Status.BEHIND);
        // the first wave starts the path
        assertThat(TargetProgress.of(2061, series(2061, 10), targets, Better.HIGHER).orElseThrow().status())
                .isEqualTo(Status.ON_TRACK);
    }

    @Test
    void the_nearest_later_target_applies_and_a_missing_result_is_no_result() {
        List<Target> targets = List.of(new Target(2062, 50), new Target(2064, 90));
        Progress first = TargetProgress.of(2062, series(2061, 30, 2062, 45), targets, Better.HIGHER).orElseThrow();
        assertThat(first.targetYear()).isEqualTo(2062);
        assertThat(first.status()).isEqualTo(Status.MISSED);
        Progress next = TargetProgress.of(2063, series(2061, 30), targets, Better.HIGHER).orElseThrow();
        assertThat(next.targetYear()).isEqualTo(2064);
        assertThat(next.status()).isEqualTo(Status.NO_RESULT);
        assertThat(TargetProgress.of(2063, series(2063, 1), List.of(), Better.HIGHER)).isEmpty();
    }

    @Test
    void overall_the_worst_standing_counts() {
        assertThat(TargetProgress.overall(List.of(Status.MET, Status.MISSED, Status.BEHIND))).isEqualTo(Status.MISSED);
        assertThat(TargetProgress.overall(List.of(Status.ON_TRACK, Status.BEHIND))).isEqualTo(Status.BEHIND);
        assertThat(TargetProgress.overall(List.of(Status.MET, Status.NO_RESULT))).isEqualTo(Status.ON_TRACK);
        assertThat(TargetProgress.overall(List.of(Status.NO_RESULT))).isEqualTo(Status.NO_RESULT);
        assertThat(TargetProgress.overall(List.of())).isEqualTo(Status.NO_TARGET);
    }
}
