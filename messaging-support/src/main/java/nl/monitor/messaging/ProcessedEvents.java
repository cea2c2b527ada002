package nl.monitor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events this service has processed, in the consumer's own transaction: if the processing rolls
 * back, so does the mark, and a redelivered event is processed again; once committed, a redelivery is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;
    private final String consumer;

    public ProcessedEvents(EntityManager entityManager, MessagingConfig config) {
        this.entityManager = entityManager;
        this.consumer = config.serviceName();
    }

    /** Marks the event processed; {@code false} when it already was, and the caller must then do nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        int inserted = entityManager.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer).setParameter(2, eventId).executeUpdate();
        return inserted == 1;
    }

    /** Forgets every processed event, for a rebuild of a read model from offset zero. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAll() {
        entityManager.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1")
                .setParameter(1, consumer).executeUpdate();
    }
}
