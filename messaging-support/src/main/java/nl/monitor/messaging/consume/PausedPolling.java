package nl.monitor.messaging.consume;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.monitor.messaging.MessagingConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Spares the connector's polling thread its empty polls while a batch is in hand and the connector's queue is full.
 * <p>
 * In batch mode the connector queues two polls ahead of the consumer; with its queue full it pauses the partitions and
 * then polls them with a zero timeout every 2 ms until the consumer takes the next batch
 * ({@code KafkaRecordStreamSubscription}, not configurable). Under a backlog that is about 500 empty polls a second,
 * each a network poll of the Kafka client, which fetch nothing: they only let rebalances and commits through
 * (heartbeats have their own thread). While a batch is in hand and the partitions are paused, a task of this class on
 * the polling thread holds it until the batch is done, or at most {@code monitor.consumer.paused-poll-hold} (100 ms)
 * at a time, after which the connector polls once or twice before it is held again. Commits of the batch are queued
 * behind the hold, which ends as the batch does; a rebalance is noticed within one hold (and waits for the batch in hand
 * anyway, {@link PartitionOwnership}).
 */
@ApplicationScoped
public class PausedPolling {

    /** How soon to look again when the partitions were not paused yet (the queue still filling). */
    static final long LOOK_AGAIN_MS = 20;
    /** The pause after a hold in which the connector polls (its next poll is due 2 ms after the last). */
    static final long GIVE_WAY_MS = 5;

    private static final Logger LOG = Logger.getLogger(PausedPolling.class);

    private final KafkaClientService clients;
    private final Vertx vertx;
    private final PartitionOwnership ownership;
    private final Duration hold;

    @Inject
    public PausedPolling(KafkaClientService clients, Vertx vertx, PartitionOwnership ownership,
                         MessagingConfig config) {
        this(clients, vertx, ownership, config.consumer().pausedPollHold());
    }

    PausedPolling(KafkaClientService clients, Vertx vertx, PartitionOwnership ownership, Duration hold) {
        this.clients = clients;
        this.vertx = vertx;
        this.ownership = ownership;
        this.hold = hold;
    }

    /** A batch has begun: until it is done, the polling thread is held whenever the partitions are paused. */
    void batchBegun() {
        if (!hold.isZero()) {
            holdLater(0);
        }
    }

    private void holdLater(long delayMs) {
        if (delayMs > 0) {
            vertx.setTimer(delayMs, id -> holdLater(0));
            return;
        }
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(EventConsumer.CHANNEL);
        if (consumer == null) {
            return;
        }
        consumer.runOnPollingThread(this::holdWhilePaused).subscribe().with(
                next -> {
                    if (next > 0) {
                        holdLater(next);
                    }
                },
                failure -> LOG.debugf("Not holding the polling thread: %s", failure.toString()));
    }

    /**
     * On the polling thread: holds it while the partitions are paused and the batch is in hand (at most one hold); the
     * milliseconds until the next look, or 0 when the batch is done.
     */
    long holdWhilePaused(Consumer<?, ?> kafka) {
        if (kafka.paused().isEmpty()) {
            return ownership.busy() ? LOOK_AGAIN_MS : 0;
        }
        return ownership.idle(hold) ? 0 : GIVE_WAY_MS;
    }
}
