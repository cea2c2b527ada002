package nl.monitor.messaging.consume;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.messaging.MessagingConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The connector's commit strategy {@value #NAME}: commits the offset after every acknowledged record, and keeps an
 * offset whose commit failed until a commit of it succeeds.
 * <p>
 * The connector's own strategies drop an offset whose commit failed (a rebalance under way refuses commits): the
 * offset is committed only when a later record of its partition is acknowledged, so the group shows lag for records
 * that are done and their next owner processes them again — seen in the fault suite, where the scoring-service's group
 * kept lag after a member was killed and another joined, and the platform never became quiet. The consumer
 * acknowledges a partition's records in offset order (one batch at a time, after its transaction), so the latest
 * acknowledged offset of a partition is the one to commit.
 * <ul>
 *     <li>acknowledged: its offset + 1 becomes the partition's pending offset, and the pending offsets are committed
 *     (on the connector's polling thread, each commit bounded by {@value #COMMIT_TIMEOUT_MS} ms, so that a broker
 *     away cannot hold the commits up);</li>
 *     <li>a commit refused or timed out: the offsets stay pending and are committed again every {@value #RETRY_MS}
 *     ms;</li>
 *     <li>partitions revoked: the batch in hand is finished first (the connector polls, so rebalances, while a batch
 *     is processed; {@link PartitionOwnership}), then their pending offsets are committed before they go (in the
 *     rebalance listener, on the polling thread, before the next owner starts), then forgotten;</li>
 *     <li>the service stopping: every pending offset is committed before the consumer closes; a rebalance under way
 *     is first let to complete (by polling the paused consumer), as the handover of a stopping instance often starts
 *     one.</li>
 * </ul>
 */
public class AcknowledgedOffsetsCommit implements KafkaCommitHandler {

    public static final String NAME = "monitor-acknowledged";
    static final long RETRY_MS = 1_000;
    static final long COMMIT_TIMEOUT_MS = 5_000;
    /** How long the last commit may take when the service stops, rebalances included. */
    static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger LOG = Logger.getLogger(AcknowledgedOffsetsCommit.class);

    private final Vertx vertx;
    private final KafkaConsumer<?, ?> consumer;
    private final PartitionOwnership ownership;
    private final Duration drainTimeout;
    /** The offsets to commit, by partition. Guarded by {@code this}, as are the two flags below. */
    private final Map<TopicPartition, Long> pending = new HashMap<>();
    private boolean committing;
    private boolean retryScheduled;

    @ApplicationScoped
    @Identifier(NAME)
    public static class Factory implements KafkaCommitHandler.Factory {
        private final PartitionOwnership ownership;
        private final MessagingConfig config;

        public Factory(PartitionOwnership ownership, MessagingConfig config) {
            this.ownership = ownership;
            this.config = config;
        }

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration connector, Vertx vertx,
                                         KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            return new AcknowledgedOffsetsCommit(vertx, consumer, ownership, config.consumer().drainTimeout());
        }
    }

    AcknowledgedOffsetsCommit(Vertx vertx, KafkaConsumer<?, ?> consumer, PartitionOwnership ownership,
                              Duration drainTimeout) {
        this.vertx = vertx;
        this.consumer = consumer;
        this.ownership = ownership;
        this.drainTimeout = drainTimeout;
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        synchronized (this) {
            pending.merge(new TopicPartition(record.getTopic(), record.getPartition()), record.getOffset() + 1,
                    Math::max);
        }
        commitPending();
        return Uni.createFrom().voidItem().runSubscriptionOn(record::runOnMessageContext);
    }

    /** Commits what is pending (one commit at a time); what a refused commit held stays pending. */
    private void commitPending() {
        Map<TopicPartition, Long> attempt;
        synchronized (this) {
            if (committing || pending.isEmpty()) {
                return;
            }
            committing = true;
            attempt = Map.copyOf(pending);
        }
        Duration timeout = Duration.ofMillis(COMMIT_TIMEOUT_MS);
        onPollingThread(kafka -> kafka.commitSync(offsets(attempt), timeout)).subscribe().with(
                done -> {
                    synchronized (this) {
                        committing = false;
                        attempt.forEach(pending::remove); // removes only what was not raised meanwhile
                    }
                    commitPending();
                },
                refused -> {
                    synchronized (this) {
                        committing = false;
                    }
                    LOG.infof("Could not commit the offsets of %d partition(s) yet (%s); trying again in %d ms",
                            attempt.size(), refused.toString(), RETRY_MS);
                    retryLater();
                });
    }

    private void retryLater() {
        synchronized (this) {
            if (retryScheduled) {
                return;
            }
            retryScheduled = true;
        }
        vertx.setTimer(RETRY_MS, id -> {
            synchronized (this) {
                retryScheduled = false;
            }
            commitPending();
        });
    }

    @Override
    public void partitionsAssigned(Collection<TopicPartition> partitions) {
        // on the polling thread, in the rebalance listener: the generation is the one the assignment belongs to
        ownership.assigned(partitions, consumer.unwrap().groupMetadata().generationId());
    }

    /**
     * On the polling thread, in the rebalance listener: the batch in hand is finished, and the revoked partitions'
     * offsets are committed before they go; no later batch processes their records.
     */
    @Override
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        if (!ownership.revoked(partitions, drainTimeout)) {
            LOG.warnf("The batch in hand did not finish within %s of the revocation of %s; their next owner "
                    + "processes its records again (idempotently)", drainTimeout, partitions);
        }
        Map<TopicPartition, Long> revoked = new HashMap<>();
        synchronized (this) {
            partitions.forEach(partition -> {
                Long offset = pending.remove(partition);
                if (offset != null) {
                    revoked.put(partition, offset);
                }
            });
        }
        if (!revoked.isEmpty()) {
            try {
                consumer.unwrap().commitSync(offsets(revoked), Duration.ofMillis(COMMIT_TIMEOUT_MS));
            } catch (RuntimeException e) {
                LOG.infof("Could not commit the offsets of revoked %s (%s); their next owner skips those records "
                        + "as duplicates", revoked.keySet(), e.toString());
            }
        }
    }

    /**
     * The service stopping (after the connector paused the partitions): everything pending is committed, on the
     * polling thread. A rebalance under way refuses commits until this member has rejoined, so the consumer is polled
     * (its partitions paused, so nothing is fetched) until the rebalance completes; partitions it loses on the way
     * have their offsets committed by {@link #partitionsRevoked} before they go.
     */
    @Override
    public void terminate(boolean graceful) {
        try {
            onPollingThread(this::commitBeforeClosing).await().atMost(TERMINATE_TIMEOUT.plusSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("Could not commit the offsets before closing (%s); whoever gets the partitions processes "
                    + "those records again (idempotently)", e.toString());
        }
    }

    private void commitBeforeClosing(Consumer<?, ?> kafka) {
        long deadline = System.nanoTime() + TERMINATE_TIMEOUT.toNanos();
        while (true) {
            Map<TopicPartition, Long> last;
            synchronized (this) {
                last = Map.copyOf(pending);
            }
            if (last.isEmpty()) {
                return;
            }
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            try {
                kafka.commitSync(offsets(last), left);
                synchronized (this) {
                    last.forEach(pending::remove);
                }
                LOG.infof("Committed the offsets of %d partition(s) before closing", last.size());
                return;
            } catch (RebalanceInProgressException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                LOG.infof("A rebalance is under way; completing it before the last commit");
                kafka.poll(Duration.ofMillis(100)); // rejoins; records of partitions it gains are left to the next owner
            }
        }
    }

    /** Runs an action with the Kafka consumer on the connector's polling thread (the only one that may use it). */
    private Uni<Void> onPollingThread(java.util.function.Consumer<Consumer<?, ?>> action) {
        return consumer.runOnPollingThread(kafka -> {
            action.accept(kafka);
        });
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(Map<TopicPartition, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        return offsets;
    }
}
