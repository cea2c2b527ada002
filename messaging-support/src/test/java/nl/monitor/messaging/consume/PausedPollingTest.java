package nl.monitor.messaging.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hold of the polling thread: only while the partitions are paused and a batch is in hand, never longer than one
 * hold, and released as soon as the batch is done.
 */
class PausedPollingTest {

    private static final TopicPartition P0 = new TopicPartition("survey-submitted", 0);
    private static final Duration HOLD = Duration.ofSeconds(2);

    private final MockConsumer<String, String> kafka = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final PartitionOwnership ownership = new PartitionOwnership();
    private final PausedPolling pausedPolling = new PausedPolling(null, null, ownership, HOLD);

    PausedPollingTest() {
        kafka.assign(List.of(P0));
        kafka.updateBeginningOffsets(Map.of(P0, 0L));
        ownership.assigned(List.of(P0), 1);
    }

    @Test
    void notPausedYetLooksAgainSoonWithoutHolding() {
        beginBatch();
        long started = System.nanoTime();
        assertThat(pausedPolling.holdWhilePaused(kafka)).isEqualTo(PausedPolling.LOOK_AGAIN_MS);
        assertThat(elapsedMs(started)).isLessThan(HOLD.toMillis() / 2);
    }

    @Test
    void noBatchInHandNeverHolds() {
        kafka.pause(List.of(P0));
        long started = System.nanoTime();
        assertThat(pausedPolling.holdWhilePaused(kafka)).isZero();
        assertThat(elapsedMs(started)).isLessThan(HOLD.toMillis() / 2);
    }

    @Test
    void pausedWithABatchInHandHoldsUntilTheBatchIsDone() throws Exception {
        kafka.pause(List.of(P0));
        beginBatch();
        CompletableFuture<Long> held = CompletableFuture.supplyAsync(() -> pausedPolling.holdWhilePaused(kafka));
        // still held while the batch is in hand
        assertThat(held).failsWithin(Duration.ofMillis(200));
        long ended = System.nanoTime();
        ownership.end();
        assertThat(held.get(HOLD.toMillis(), TimeUnit.MILLISECONDS)).isZero();
        assertThat(elapsedMs(ended)).isLessThan(HOLD.toMillis() / 2);
    }

    @Test
    void aHoldLastsAtMostItsLimitThenGivesWayToTheConnector() {
        PausedPolling shortHold = new PausedPolling(null, null, ownership, Duration.ofMillis(50));
        kafka.pause(List.of(P0));
        beginBatch();
        long started = System.nanoTime();
        assertThat(shortHold.holdWhilePaused(kafka)).isEqualTo(PausedPolling.GIVE_WAY_MS);
        assertThat(elapsedMs(started)).isBetween(45L, HOLD.toMillis());
    }

    private void beginBatch() {
        List<ConsumerRecord<String, String>> mine = ownership.begin(
                List.of(new ConsumerRecord<>(P0.topic(), P0.partition(), 0, "GM0014", "{}")), 1);
        assertThat(mine).hasSize(1);
    }

    private static long elapsedMs(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
