package nl.monitor.notification;

import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.domain.scoring.Band;
import nl.monitor.testsupport.EventPublisher;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Threshold crossings as the scoring-service publishes them, for the tests to put on the real topic. */
final class Crossings {

    private static final EventCodec CODEC = new EventCodec();

    private Crossings() {
    }

    static CloudEvent<ThresholdCrossed> crossing(String municipality, String region, Direction direction,
                                                 Double previous, double next, Band previousBand, Band newBand) {
        return crossing(municipality, region, direction, previous, next, previousBand, newBand,
                ThresholdCrossed.Threshold.total(25));
    }

    static CloudEvent<ThresholdCrossed> crossing(String municipality, String region, Direction direction,
                                                 Double previous, double next, Band previousBand, Band newBand,
                                                 ThresholdCrossed.Threshold threshold) {
        return CloudEvent.of(EventType.THRESHOLD_CROSSED, "/scoring-service", municipality,
                new ThresholdCrossed(UUID.randomUUID(), municipality, region, 2017, threshold,
                        direction, previous, next, previousBand, newBand, UUID.randomUUID().toString(),
                        UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS), 1));
    }

    /** A first score below 25. */
    static CloudEvent<ThresholdCrossed> down(String municipality, String region, double next) {
        return crossing(municipality, region, Direction.DOWN, null, next, null, Band.RED);
    }

    static void publish(CloudEvent<ThresholdCrossed> event) {
        send(event.subject(), CODEC.encode(event));
    }

    static void send(String key, String value) {
        EventPublisher.shared().send(EventType.THRESHOLD_CROSSED.topic(), key, value);
    }
}
