package nl.monitor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers which events this service has processed, in the consumer's own transaction: if the processing rolls
 * back, so do the marks, and a redelivered event is processed again; once committed, a redelivery is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;
    private final String consumer;

    public ProcessedEvents(EntityManager entityManager, MessagingConfig config) {
        this.entityManager = entityManager;
        this.consumer = config.serviceName();
    }

    /** Marks the events processed in one statement; returns those that were not marked before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstTime(Collection<String> eventIds) {
        return insertNew("INSERT INTO processed_event (event_id, consumer) SELECT unnest(?::text[]), ? "
                + "ON CONFLICT DO NOTHING RETURNING event_id", eventIds, consumer);
    }

    /**
     * Starts a replay's own marks, which tell a replay's duplicates from the events it sees first: a table of the
     * transaction's own (temporary, dropped at its end), so the replay neither deletes the service's marks nor inserts
     * every event id again over their dead copies. {@link #endReplay()} adds them to the service's marks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beginReplay() {
        entityManager.createNativeQuery("CREATE TEMPORARY TABLE replayed_event (event_id TEXT PRIMARY KEY) "
                + "ON COMMIT DROP").executeUpdate();
    }

    /** {@link #firstTime} within the replay begun in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstTimeInReplay(Collection<String> eventIds) {
        return insertNew("INSERT INTO replayed_event (event_id) SELECT unnest(?::text[]) "
                + "ON CONFLICT DO NOTHING RETURNING event_id", eventIds);
    }

    /** Takes back the replay's marks of these events (a replay that marked them before it found them poison). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetInReplay(Collection<String> eventIds) {
        if (!eventIds.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM replayed_event WHERE event_id = ANY(CAST(?1 AS text[]))")
                    .setParameter(1, eventIds.toArray(String[]::new)).executeUpdate();
        }
    }

    /** Marks every event the replay saw first as processed by this service (those marked already stay). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endReplay() {
        entityManager.createNativeQuery("INSERT INTO processed_event (consumer, event_id) SELECT ?1, event_id "
                + "FROM replayed_event ON CONFLICT DO NOTHING").setParameter(1, consumer).executeUpdate();
        entityManager.createNativeQuery("DROP TABLE replayed_event").executeUpdate();
    }

    /** Runs an insert of the ids (its first parameter, an array; {@code more} the next ones) returning those new. */
    private Set<String> insertNew(String sql, Collection<String> eventIds, String... more) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> fresh = new HashSet<>();
            Array ids = connection.createArrayOf("text", eventIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setArray(1, ids);
                for (int i = 0; i < more.length; i++) {
                    insert.setString(i + 2, more[i]);
                }
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getString(1));
                    }
                }
            } finally {
                ids.free();
            }
            return fresh;
        });
    }

    /**
     * Keeps every other transaction from marking events until this one ends (readers go on): taken first by a
     * rebuild, in the order the live consumer takes its locks (the marks, then the read model), so neither waits for
     * the other in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForRebuild() {
        entityManager.createNativeQuery("LOCK TABLE processed_event IN EXCLUSIVE MODE").executeUpdate();
    }
}
