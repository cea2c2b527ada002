package nl.monitor.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Relays outbox rows to Kafka in the order they were written: right after each commit, and on a schedule as a
 * safety net (after a crash, or when Kafka was down). Each row has its own outcome: acknowledged rows are deleted,
 * a row Kafka can never take (too large, say) is parked with the reason, and a row that failed for a passing reason
 * stays for the next round; one bad row never holds back or duplicates the others. One instance of a service relays
 * at a time (a PostgreSQL advisory lock), so rows of one municipality leave in write order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final OutboxProducer producer;
    private final MessagingConfig config;
    private final Topics topics;
    private final ReentrantLock relaying = new ReentrantLock();
    private final Counter relayed;
    private final Counter parked;
    private final EventTracing tracing;

    public OutboxRelay(OutboxRepository repository, OutboxProducer producer, MessagingConfig config, Topics topics,
                       MeterRegistry registry, EventTracing tracing) {
        this.tracing = tracing;
        this.repository = repository;
        this.producer = producer;
        this.config = config;
        this.topics = topics;
        this.relayed = Counter.builder("monitor.outbox.relayed").description("Outbox rows relayed to Kafka")
                .register(registry);
        this.parked = Counter.builder("monitor.outbox.parkings")
                .description("Outbox rows parked because Kafka can never take them").register(registry);
        Gauge.builder("monitor.outbox.parked", this, relay -> relay.count(OutboxRepository::parkedCount))
                .description("Outbox rows parked now").register(registry);
        Gauge.builder("monitor.outbox.waiting", this, relay -> relay.count(OutboxRepository::waiting))
                .description("Outbox rows waiting to be relayed").register(registry);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written,
                     jakarta.enterprise.event.Event<RelayRequested> request) {
        request.fireAsync(new RelayRequested());
    }

    void onRequest(@ObservesAsync RelayRequested request) {
        relayPending();
    }

    @Scheduled(every = "${monitor.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        relayPending();
    }

    /** Relays everything that is waiting; returns how many rows went out. Safe to call from any thread. */
    public int relayPending() {
        if (!relaying.tryLock()) {
            return 0;
        }
        try {
            if (!topics.ensure()) {
                return 0;
            }
            int total = 0;
            Round round;
            do {
                round = QuarkusTransaction.requiringNew().call(this::relayBatch);
                total += round.relayed();
            } while (round.full(config.outbox().batchSize()));
            return total;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox relay failed; the rows stay in the outbox and are retried");
            return 0;
        } finally {
            relaying.unlock();
        }
    }

    /** What one round did with the rows it took. */
    private record Round(int taken, int relayed, int parked, int failed) {
        boolean full(int batchSize) {
            return taken == batchSize && failed == 0;
        }
    }

    private Round relayBatch() throws InterruptedException {
        if (!repository.tryRelayLock()) {
            return new Round(0, 0, 0, 0);
        }
        List<OutboxEvent> batch = repository.oldestWaiting(config.outbox().batchSize());
        if (batch.isEmpty()) {
            return new Round(0, 0, 0, 0);
        }
        Producer<String, String> sender = producer.producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<EventTracing.Outgoing> spans = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            EventTracing.Outgoing span = tracing.startPublishing(row);
            spans.add(span);
            acks.add(send(sender, row, span.headers()));
        }
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>(batch.size());
        int parkedNow = 0;
        int failed = 0;
        Throwable firstFailure = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            Throwable failure = null;
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(row.id);
            } catch (ExecutionException e) {
                failure = e.getCause();
                if (neverPublishable(e.getCause())) {
                    park(row, e.getCause());
                    parkedNow++;
                } else {
                    failed++;
                    firstFailure = firstFailure == null ? e.getCause() : firstFailure;
                }
            } catch (TimeoutException e) {
                failure = e;
                failed++;
                firstFailure = firstFailure == null ? e : firstFailure;
            }
            spans.get(i).end(failure);
        }
        repository.deleteRelayed(acknowledged);
        relayed.increment(acknowledged.size());
        if (failed > 0) {
            // sent again next round: none of this round's may land after that (a municipality's events reordered)
            producer.abandonUnacknowledged();
            LOG.warnf("Kafka did not acknowledge %d of %d outbox row(s); they stay and are retried: %s", failed,
                    batch.size(), firstFailure);
        }
        return new Round(batch.size(), acknowledged.size(), parkedNow, failed);
    }

    /** Sends a row with its stored headers, the trace context replaced by the relay span's ({@code trace}). */
    private static Future<RecordMetadata> send(Producer<String, String> producer, OutboxEvent row,
                                               Map<String, String> trace) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.recordKey, row.payload);
        Map<String, String> headers = row.headers == null ? OutboxEvent.cloudEventHeaders(row.eventId, Map.of())
                : new LinkedHashMap<>(row.headers);
        headers.putAll(trace);
        headers.forEach((name, value) -> header(record, name, value));
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Faults that no retry can mend: the row would block or repeat forever. */
    static boolean neverPublishable(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof SerializationException || cause instanceof InvalidTopicException;
    }

    private void park(OutboxEvent row, Throwable cause) {
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        repository.park(row.id, reason, Instant.now());
        parked.increment();
        LOG.errorf("Parked outbox row %d (event %s for %s, key %s, %d characters): %s. It is listed at "
                        + "/api/admin/outbox/parked and can be retried there after a fix.", row.id, row.eventId,
                row.topic, row.recordKey, row.payload.length(), reason);
    }

    private double count(java.util.function.ToLongFunction<OutboxRepository> query) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> (double) query.applyAsLong(repository));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Asks for a relay off the committing thread. */
    public record RelayRequested() {
    }
}
