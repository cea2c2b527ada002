package nl.monitor.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Publishes an event together with the database write it describes: the event is stored in the caller's
 * transaction and relayed to Kafka after commit by {@link OutboxRelay}. A crash at any point loses nothing; a crash
 * after the send and before the delete sends the event again, which idempotent consumers ignore.
 */
@ApplicationScoped
public class Outbox {

    /** The rows a transaction has published so far, a resource of that transaction. */
    private static final Object PENDING = Outbox.class.getName() + ".pending";
    /** All of a transaction's rows in one statement, in the order they were published (their ids follow it). */
    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, record_key, payload, headers, "
            + "created_at) SELECT e, t, k, p, CAST(h AS jsonb), CAST(c AS timestamptz) FROM unnest(?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS r(e, t, k, p, h, c, n) "
            + "ORDER BY n";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final EventCodec codec;
    private final Event<OutboxWritten> written;
    private final EventTracing tracing;
    private final Optional<Set<String>> published;

    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, EventCodec codec,
                  Event<OutboxWritten> written, EventTracing tracing, MessagingConfig config) {
        this.published = config.kafka().publishedTopics();
        this.entityManager = entityManager;
        this.transactions = transactions;
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
        if (published.isPresent() && !published.get().contains(type.topic())) {
            throw new IllegalStateException("This service does not publish to " + type.topic() + " (not in "
                    + "monitor.kafka.published-topics " + published.get() + "): its Kafka principal may not write it");
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

    /**
     * Adds the row to those of the transaction, which are written together in one statement just before it commits
     * (after Hibernate's flush, in the same transaction): a transaction that publishes many events — a consumer's
     * batch, an import's chunk — writes them in one round trip instead of one insert each.
     */
    private void store(OutboxEvent row) {
        pending().add(row);
        written.fire(new OutboxWritten());
    }

    @SuppressWarnings("unchecked")
    private List<OutboxEvent> pending() {
        List<OutboxEvent> rows = (List<OutboxEvent>) transactions.getResource(PENDING);
        if (rows == null) {
            List<OutboxEvent> published = new ArrayList<>();
            transactions.putResource(PENDING, published);
            entityManager.unwrap(SharedSessionContractImplementor.class).getTransactionCompletionCallbacks()
                    .registerCallback((BeforeCompletionCallback) session -> insert(session, published));
            rows = published;
        }
        return rows;
    }

    private void insert(SharedSessionContractImplementor session, List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            List<Array> arrays = List.of(column(connection, rows, row -> row.eventId),
                    column(connection, rows, row -> row.topic), column(connection, rows, row -> row.recordKey),
                    column(connection, rows, row -> row.payload), column(connection, rows, this::headers),
                    column(connection, rows, row -> row.createdAt.toString()));
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < arrays.size(); i++) {
                    insert.setArray(i + 1, arrays.get(i));
                }
                insert.executeUpdate();
            } finally {
                for (Array array : arrays) {
                    array.free();
                }
            }
        });
    }

    private static Array column(Connection connection, List<OutboxEvent> rows, Function<OutboxEvent, String> value)
            throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(value).toArray());
    }

    private String headers(OutboxEvent row) {
        if (row.headers == null) {
            return null;
        }
        try {
            return codec.mapper().writeValueAsString(row.headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of outbox row " + row.eventId, e);
        }
    }

    /** Fired inside the writing transaction; the relay observes it after a successful commit. */
    public record OutboxWritten() {
    }
}
