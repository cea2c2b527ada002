package nl.monitor.messaging.consume;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.ContextHolder;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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
 *     <li>acknowledged: its offset + 1 becomes the partition's pending offset, and the pending offsets are committed;</li>
 *     <li>a commit refused: the offsets stay pending and are committed again every {@value #RETRY_MS} ms;</li>
 *     <li>partitions revoked: their pending offsets are committed before they go (on the polling thread, as the
 *     Kafka client wants), then forgotten;</li>
 *     <li>the service stopping: every pending offset is committed before the consumer closes.</li>
 * </ul>
 */
public class AcknowledgedOffsetsCommit extends ContextHolder implements KafkaCommitHandler {

    public static final String NAME = "monitor-acknowledged";
    static final long RETRY_MS = 1_000;

    private static final Logger LOG = Logger.getLogger(AcknowledgedOffsetsCommit.class);

    private final KafkaConsumer<?, ?> consumer;
    /** The offsets to commit, by partition: only touched on the captured event-loop context. */
    private final Map<TopicPartition, Long> pending = new HashMap<>();
    private long retryTimer = -1;
    private boolean committing;

    @ApplicationScoped
    @Identifier(NAME)
    public static class Factory implements KafkaCommitHandler.Factory {
        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                         KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            return new AcknowledgedOffsetsCommit(vertx, consumer);
        }
    }

    AcknowledgedOffsetsCommit(Vertx vertx, KafkaConsumer<?, ?> consumer) {
        super(vertx, (int) Duration.ofSeconds(30).toMillis());
        this.consumer = consumer;
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
        long next = record.getOffset() + 1;
        runOnContext(() -> {
            pending.merge(partition, next, Math::max);
            commitPending();
        });
        return Uni.createFrom().voidItem().runSubscriptionOn(record::runOnMessageContext);
    }

    /** Commits what is pending (one commit at a time); what a refused commit held stays pending. */
    private void commitPending() {
        if (committing || pending.isEmpty()) {
            return;
        }
        committing = true;
        Map<TopicPartition, Long> attempt = Map.copyOf(pending);
        consumer.commit(offsets(attempt)).subscribe().with(
                done -> runOnContext(() -> {
                    committing = false;
                    attempt.forEach(pending::remove); // removes only what was not raised meanwhile
                    commitPending();
                }),
                refused -> runOnContext(() -> {
                    committing = false;
                    LOG.infof("Could not commit the offsets of %d partition(s) yet (%s); trying again in %d ms",
                            attempt.size(), refused.toString(), RETRY_MS);
                    if (retryTimer < 0) {
                        retryTimer = vertx.setTimer(RETRY_MS, id -> runOnContext(() -> {
                            retryTimer = -1;
                            commitPending();
                        }));
                    }
                }));
    }

    /** On the polling thread, in the rebalance listener: the revoked partitions' offsets go before they do. */
    @Override
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> revoked = runOnContextAndAwait(() -> {
            Map<TopicPartition, Long> taken = new HashMap<>();
            partitions.forEach(partition -> {
                Long offset = pending.remove(partition);
                if (offset != null) {
                    taken.put(partition, offset);
                }
            });
            return taken;
        });
        if (!revoked.isEmpty()) {
            try {
                consumer.unwrap().commitSync(offsets(revoked));
            } catch (RuntimeException e) {
                LOG.infof("Could not commit the offsets of revoked %s (%s); their next owner skips those records "
                        + "as duplicates", revoked.keySet(), e.toString());
            }
        }
    }

    /** The service stopping (after the connector paused the partitions): everything pending is committed. */
    @Override
    public void terminate(boolean graceful) {
        Map<TopicPartition, Long> last = runOnContextAndAwait(() -> {
            if (retryTimer >= 0) {
                vertx.cancelTimer(retryTimer);
                retryTimer = -1;
            }
            Map<TopicPartition, Long> all = Map.copyOf(pending);
            pending.clear();
            return all;
        });
        if (!last.isEmpty()) {
            try {
                consumer.commit(offsets(last)).await().atMost(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                LOG.warnf("Could not commit the offsets of %d partition(s) before closing (%s); whoever gets them "
                        + "processes those records again (idempotently)", last.size(), e.toString());
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(Map<TopicPartition, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        return offsets;
    }
}
