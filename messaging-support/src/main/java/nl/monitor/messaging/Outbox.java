package nl.monitor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;

import java.time.Instant;
import java.util.Map;

/**
 * Publishes an event together with the database write it describes: the event is stored in the caller's
 * transaction and relayed to Kafka after commit by {@link OutboxRelay}. A crash at any point loses nothing; a crash
 * after the send and before the delete sends the event again, which idempotent consumers ignore.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final EventCodec codec;
    private final Event<OutboxWritten> written;
    private final EventTracing tracing;

    public Outbox(OutboxRepository repository, EventCodec codec, Event<OutboxWritten> written, EventTracing tracing) {
        this.repository = repository;
        this.codec = codec;
        this.written = written;
        this.tracing = tracing;
    }

    /**
     * Stores the event for its type's topic, keyed by its subject (the municipality code), with the current trace
     * context when tracing is on (see {@link EventTracing}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventType type, CloudEvent<?> event) {
        if (!type.type().equals(event.type())) {
            throw new IllegalArgumentException("Event " + event.id() + " is " + event.type() + ", not " + type.type());
        }
        Map<String, String> trace = tracing.currentContext();
        Map<String, String> headers = trace.isEmpty() ? null : OutboxEvent.cloudEventHeaders(event.id(), trace);
        store(new OutboxEvent(event.id(), type.topic(), event.subject(), codec.encode(event), headers, Instant.now()));
    }

    /**
     * Stores a record that is not one of the platform's events (a dead-lettered record, say) for {@code topic}.
     *
     * @param uniqueId names the record so that storing it twice fails instead of sending it twice
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishRecord(String topic, String key, String payload, String uniqueId, Map<String, String> headers) {
        store(new OutboxEvent(uniqueId, topic, key, payload, Map.copyOf(headers), Instant.now()));
    }

    private void store(OutboxEvent row) {
        repository.persist(row);
        written.fire(new OutboxWritten());
    }

    /** Fired inside the writing transaction; the relay observes it after a successful commit. */
    public record OutboxWritten() {
    }
}
