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
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> fresh = new HashSet<>();
            Array ids = connection.createArrayOf("text", eventIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::text[]) "
                            + "ON CONFLICT DO NOTHING RETURNING event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
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

    /** Forgets that these events were processed (a rebuild that marked them before it found them poison). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(Collection<String> eventIds) {
        if (!eventIds.isEmpty()) {
            entityManager.createNativeQuery(
                            "DELETE FROM processed_event WHERE consumer = ?1 AND event_id = ANY(CAST(?2 AS text[]))")
                    .setParameter(1, consumer).setParameter(2, eventIds.toArray(String[]::new)).executeUpdate();
        }
    }

    /** Forgets every processed event, for a rebuild of a read model from offset zero. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAll() {
        entityManager.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1")
                .setParameter(1, consumer).executeUpdate();
    }
}
