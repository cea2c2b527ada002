package nl.monitor.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.event.Observes;
import nl.monitor.contracts.CloudEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Relays outbox events to Kafka in the order they were written: right after each commit, and on a schedule as a
 * safety net (after a crash, or when Kafka was down). Rows are deleted only after the broker acknowledged them.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final Producer<String, String> producer;
    private final MessagingConfig config;
    private final ReentrantLock relaying = new ReentrantLock();
    private final Counter relayed;

    public OutboxRelay(OutboxRepository repository, OutboxProducer producer, MessagingConfig config,
                       MeterRegistry registry) {
        this.repository = repository;
        this.producer = producer.producer();
        this.config = config;
        this.relayed = Counter.builder("monitor.outbox.relayed").description("Outbox events relayed to Kafka")
                .register(registry);
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

    /** Relays everything that is waiting; returns how many events went out. Safe to call from any thread. */
    public int relayPending() {
        if (!relaying.tryLock()) {
            return 0;
        }
        try {
            int total = 0;
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
                total += sent;
            } while (sent == config.outbox().batchSize());
            return total;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox relay failed; the events stay in the outbox and are retried");
            return 0;
        } finally {
            relaying.unlock();
        }
    }

    private int relayBatch() throws InterruptedException, TimeoutException {
        List<OutboxEvent> batch = repository.lockOldest(config.outbox().batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.recordKey, event.payload);
            record.headers().add(new RecordHeader("ce_id", event.eventId.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("content-type",
                    CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            acks.add(producer.send(record));
        }
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused an outbox event", e.getCause());
            }
        }
        batch.forEach(repository::delete);
        relayed.increment(batch.size());
        LOG.debugf("Relayed %d outbox event(s)", batch.size());
        return batch.size();
    }

    /** Asks for a relay off the committing thread. */
    public record RelayRequested() {
    }
}
