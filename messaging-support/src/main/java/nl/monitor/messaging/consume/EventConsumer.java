package nl.monitor.messaging.consume;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.monitor.messaging.MessagingConfig;
import nl.monitor.messaging.consume.EventBatchProcessor.Poison;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The service's live consumer: the batches SmallRye Reactive Messaging's Kafka connector delivers on channel
 * {@value #CHANNEL} (all topics the service consumes, its consumer group, in batch mode), each processed by the
 * {@link EventBatchProcessor} in one database transaction and acknowledged only after that transaction commits; the
 * connector's {@code throttled} commit strategy then commits the offsets of what was acknowledged, never past a batch
 * that was not.
 * <p>
 * The platform's own part is the failure rule: poison is dead-lettered alone by the processor; any other fault is
 * retried here with exponential backoff for as long as it takes (readiness DOWN, {@link #stall()}), while the
 * connector, its queue full, pauses the partitions and keeps the consumer in the group. On shutdown the batch in hand
 * is finished before the connector closes (it commits what was acknowledged as it closes); a batch still failing then
 * is left unacknowledged, so its records go to the partitions' next owner.
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
    private final MessagingConfig config;
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Guards {@link #inHand}; notified when a batch is done. */
    private final Object handover = new Object();
    private int inHand;
    private volatile boolean running = true;
    private volatile boolean consumed;
    private volatile Stall stall;

    public EventConsumer(EventBatchProcessor processor, MessagingConfig config) {
        this.processor = processor;
        this.config = config;
    }

    /** Processes one batch of the connector; acknowledged (and so committed) only once its transaction committed. */
    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        consumed = true;
        synchronized (handover) {
            inHand++;
        }
        try {
            if (!running) {
                // delivered after the stop began: left to the partitions' next owner, unprocessed and uncommitted
                // (processed now, its acknowledgement could come after the connector's last commit)
                return CompletableFuture.completedFuture(null);
            }
            List<ConsumerRecord<String, String>> records = records(batch);
            if (processUntilDone(records)) {
                return batch.ack();
            }
            // shutting down while the fault lasts: not acknowledged, so not committed; the next owner reads them
            return CompletableFuture.completedFuture(null);
        } finally {
            synchronized (handover) {
                inHand--;
                handover.notifyAll();
            }
        }
    }

    /**
     * On shutdown, before the connector closes its consumer: no more retries, and the batch in hand is finished
     * (up to {@code monitor.consumer.drain-timeout}), so that the connector commits its offsets as it closes.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        stopping.countDown();
        if (!batchInHandDone(config.consumer().drainTimeout())) {
            LOG.warnf("The consumer did not finish its batch within %s; its offsets stay uncommitted and the "
                    + "records are processed again (idempotently) by whoever gets the partitions",
                    config.consumer().drainTimeout());
        } else if (consumed) {
            LOG.info("The consumer stopped");
        }
    }

    /** Waits until no batch is in hand, at most {@code timeout}; false when one still is. */
    private boolean batchInHandDone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (handover) {
            try {
                while (inHand > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(handover, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return inHand == 0;
            }
            return true;
        }
    }

    /** The fault being retried now, if any. */
    public Optional<Stall> stall() {
        return Optional.ofNullable(stall);
    }

    private static List<ConsumerRecord<String, String>> records(Message<List<String>> batch) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, String> metadata = batch
                .getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("Not a Kafka batch: " + batch));
        List<ConsumerRecord<String, String>> records = new ArrayList<>(metadata.count());
        metadata.getRecords().forEach(records::add);
        return records;
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
