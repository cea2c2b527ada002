package nl.monitor.notification.subscription;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.contracts.ThresholdCrossed.TargetKind;
import nl.monitor.contracts.ThresholdCrossed.TargetStatus;
import nl.monitor.contracts.ThresholdCrossed.Threshold;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.scoring.Band;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who hears of a municipality's own target: only with targets: true, which narrows nothing else. */
class SubscriptionFilterTest {

    private static final ThresholdCrossed SCORE = new ThresholdCrossed(UUID.randomUUID(), "GM0983", "Limburg-Noord",
            2024, Threshold.total(25), Direction.DOWN, null, 20.0, null, Band.RED, "e", UUID.randomUUID(),
            Instant.now(), 1);
    private static final ThresholdCrossed INDICATOR = ThresholdCrossed.ofIndicator(UUID.randomUUID(), "Limburg-Noord",
            Direction.UP, new ThresholdCrossed.IndicatorCrossing(UUID.randomUUID(), "vt-repeat-reports", 1, "2024",
                    AreaLevel.REGION, "Limburg-Noord", Map.of(), new BigDecimal("12"), ThresholdCrossed.AlertWhen.ABOVE,
                    new BigDecimal("14"), null, null, UUID.randomUUID(), 1, "e"), Instant.now());

    private static ThresholdCrossed target(String municipality, TargetStatus status) {
        return ThresholdCrossed.ofTarget(UUID.randomUUID(), municipality, "Limburg-Noord", 1,
                new ThresholdCrossed.TargetCrossing(TargetKind.GOAL, 1, null, null, Map.of(), 2024,
                        new BigDecimal("55"), Better.HIGHER, new BigDecimal("42"), null, status, UUID.randomUUID(), 1,
                        null, null, null, "e"), Instant.now());
    }

    private static SubscriptionFilter filter(List<String> municipalities, List<Threshold> thresholds,
                                             Direction direction, Boolean targets) {
        return new SubscriptionFilter(municipalities, thresholds, direction, null, targets);
    }

    @Test
    void without_the_opt_in_no_target_is_heard_of() {
        assertThat(SubscriptionFilter.EVERYTHING.matches(SCORE)).isTrue();
        assertThat(SubscriptionFilter.EVERYTHING.matches(INDICATOR)).isTrue();
        assertThat(SubscriptionFilter.EVERYTHING.matches(target("GM0983", TargetStatus.MISSED))).isFalse();
        assertThat(filter(null, null, null, false).matches(target("GM0983", TargetStatus.MISSED))).isFalse();
        assertThat(filter(null, null, null, false).targets()).as("false reads as left out").isNull();
    }

    @Test
    void the_opt_in_adds_targets_and_narrows_nothing_else() {
        SubscriptionFilter all = filter(null, null, null, true);
        assertThat(all.matches(SCORE)).isTrue();
        assertThat(all.matches(INDICATOR)).isTrue();
        assertThat(all.matches(target("GM0983", TargetStatus.MISSED))).isTrue();

        SubscriptionFilter onTotal75 = filter(null, List.of(Threshold.total(75)), null, true);
        assertThat(onTotal75.matches(SCORE)).as("another score threshold").isFalse();
        assertThat(onTotal75.matches(INDICATOR)).as("thresholds named, indicators not").isFalse();
        assertThat(onTotal75.matches(target("GM0983", TargetStatus.MISSED))).isTrue();
    }

    @Test
    void municipalities_and_direction_apply_to_targets_as_to_scores() {
        SubscriptionFilter venlo = filter(List.of("GM0983"), null, null, true);
        assertThat(venlo.matches(target("GM0983", TargetStatus.MISSED))).isTrue();
        assertThat(venlo.matches(target("GM0889", TargetStatus.MISSED))).isFalse();

        SubscriptionFilter recoveries = filter(null, null, Direction.UP, true);
        assertThat(recoveries.matches(target("GM0983", TargetStatus.MISSED))).isFalse();
        assertThat(recoveries.matches(target("GM0983", TargetStatus.MET))).isTrue();
        assertThat(recoveries.matches(target("GM0983", TargetStatus.WITHDRAWN))).isTrue();
        assertThat(filter(null, null, Direction.DOWN, true).matches(target("GM0983", TargetStatus.MISSED))).isTrue();
    }
}
