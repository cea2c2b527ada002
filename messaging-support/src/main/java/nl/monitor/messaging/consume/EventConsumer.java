package nl.monitor.messaging.consume;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.monitor.messaging.MessagingConfig;
import nl.monitor.messaging.consume.EventBatchProcessor.Poison;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The service's live consumer: the batches SmallRye Reactive Messaging's Kafka connector delivers on channel
 * {@value #CHANNEL} (all topics the service consumes, its consumer group, in batch mode), each processed by the
 * {@link EventBatchProcessor} in one database transaction and acknowledged only after that transaction commits; the
 * commit strategy {@link AcknowledgedOffsetsCommit} then commits the offsets of what was acknowledged, never past a
 * batch that was not.
 * <p>
 * The platform's own part is the failure rule: poison is dead-lettered alone by the processor; any other fault is
 * retried here with exponential backoff for as long as it takes (readiness DOWN, {@link #stall()}), while the
 * connector, its queue full, pauses the partitions and keeps the consumer in the group. A batch processes only the
 * records of partitions this instance still owns ({@link PartitionOwnership}: a rebalance may have taken some since
 * the poll). On shutdown the batch in hand is finished and committed before the connector closes; a batch still
 * failing then is left unacknowledged, so its records go to the partitions' next owner.
 */
@ApplicationScoped
public class EventConsumer {

    /** The incoming channel of the live consumer ({@code mp.messaging.incoming.events.*}). */
    public static final String CHANNEL = "events";

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** A fault the consumer is retrying. */
    public record Stall(Instant since, int attempts, String fault) {
    }

    private final EventBatchProcessor processor;
    private final PartitionOwnership ownership;
    private final PausedPolling pausedPolling;
    private final MessagingConfig config;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean consumed;
    private volatile Stall stall;

    public EventConsumer(EventBatchProcessor processor, PartitionOwnership ownership, PausedPolling pausedPolling,
                         MessagingConfig config) {
        this.processor = processor;
        this.ownership = ownership;
        this.pausedPolling = pausedPolling;
        this.config = config;
    }

    /**
     * Processes one batch of the connector: its records of the partitions this instance still owns, acknowledged (and
     * so committed) only once their transaction committed.
     */
    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        consumed = true;
        IncomingKafkaRecordBatchMetadata<String, String> metadata = metadata(batch);
        List<ConsumerRecord<String, String>> records = ownership.begin(metadata.getRecords(),
                metadata.getConsumerGroupGenerationId());
        pausedPolling.batchBegun();
        try {
            if (!running || records.isEmpty()) {
                // delivered after the stop began, or its partitions revoked since the poll: left to the partitions'
                // next owner, unprocessed and uncommitted
                return CompletableFuture.completedFuture(null);
            }
            if (processUntilDone(records)) {
                return acknowledge(metadata, records);
            }
            // shutting down while the fault lasts: not acknowledged, so not committed; the next owner reads them
            return CompletableFuture.completedFuture(null);
        } finally {
            ownership.end();
        }
    }

    /**
     * On shutdown, before the connector closes its consumer: no more retries, and the batch in hand is finished
     * (up to {@code monitor.consumer.drain-timeout}), so that its offsets are committed before the consumer closes.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        stopping.countDown();
        if (!ownership.idle(config.consumer().drainTimeout())) {
            LOG.warnf("The consumer did not finish its batch within %s; its offsets stay uncommitted and the "
                    + "records are processed again (idempotently) by whoever gets the partitions",
                    config.consumer().drainTimeout());
        } else if (consumed) {
            LOG.info("The consumer stopped");
        }
    }

    /** Acknowledges the latest processed record of each partition, which commits its offset. */
    private static CompletionStage<Void> acknowledge(IncomingKafkaRecordBatchMetadata<String, String> metadata,
                                                     List<ConsumerRecord<String, String>> processed) {
        Set<TopicPartition> partitions = new HashSet<>();
        processed.forEach(record -> partitions.add(new TopicPartition(record.topic(), record.partition())));
        Map<TopicPartition, Message<?>> latest = new HashMap<>();
        for (Message<?> message : metadata.getBatchedMessages()) {
            KafkaRecord<?, ?> record = (KafkaRecord<?, ?>) message;
            TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
            if (partitions.contains(partition)) {
                latest.put(partition, message);
            }
        }
        return CompletableFuture.allOf(latest.values().stream().map(message -> message.ack().toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /** The fault being retried now, if any. */
    public Optional<Stall> stall() {
        return Optional.ofNullable(stall);
    }

    @SuppressWarnings("unchecked")
    private static IncomingKafkaRecordBatchMetadata<String, String> metadata(Message<List<String>> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("Not a Kafka batch: " + batch));
    }

    /** Processes the batch, retrying transient faults; false when given up because the service is stopping. */
    private boolean processUntilDone(List<ConsumerRecord<String, String>> batch) {
        int attempt = 0;
        while (true) {
            try {
                processor.process(batch, Poison.DEAD_LETTER);
                if (stall != null) {
                    LOG.infof("Processing goes on after %d attempt(s): %d record(s) done", stall.attempts(),
                            batch.size());
                    stall = null;
                }
                return true;
            } catch (RuntimeException e) {
                attempt++;
                Stall previous = stall;
                stall = new Stall(previous == null ? Instant.now() : previous.since(), attempt, rootCause(e));
                Duration wait = backoff(attempt);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Transient fault processing %d record(s) (attempt %d), retrying in %s (the connector "
                            + "pauses the partitions meanwhile): %s", batch.size(), attempt, wait, rootCause(e));
                }
                if (!running || await(wait)) {
                    stall = null;
                    return false;
                }
            }
        }
    }

    private Duration backoff(int attempt) {
        long initial = config.consumer().backoffInitial().toMillis();
        long max = config.consumer().backoffMax().toMillis();
        return Duration.ofMillis(Math.min(max, initial << Math.min(attempt - 1, 20)));
    }

    /** Waits, or less when the service stops; true when it stops. */
    private boolean await(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + cause;
    }
}
