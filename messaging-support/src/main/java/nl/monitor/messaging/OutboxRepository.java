package nl.monitor.messaging;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /** The key of the transaction-scoped advisory lock that lets one relay at a time send this schema's outbox. */
    private static final long RELAY_LOCK = 0x6d6f6e69746f72L; // "monitor"

    /**
     * Takes the relay lock for this transaction: {@code false} when another instance of the service is relaying.
     * One relay at a time keeps the rows of one municipality in write order across instances.
     */
    boolean tryRelayLock() {
        Object locked = getEntityManager().createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** The oldest rows waiting to be relayed (parked ones are passed over), in write order. */
    List<OutboxEvent> oldestWaiting(int limit) {
        return find("parkedAt is null order by id").page(0, limit).list();
    }

    /**
     * Deletes the relayed rows in one statement, their ids bound as one array (a list bound to HQL's {@code in} is
     * expanded per size, so Hibernate would translate the statement anew for every batch).
     */
    void deleteRelayed(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            getEntityManager().createNativeQuery("DELETE FROM outbox_event WHERE id = ANY(CAST(?1 AS bigint[]))")
                    .setParameter(1, ids.toArray(Long[]::new)).executeUpdate();
        }
    }

    void park(Long id, String reason, Instant at) {
        update("parkedAt = ?1, parkedReason = ?2 where id = ?3", at, reason, id);
    }

    /** Puts a parked row back in line; false when there is no such parked row. */
    boolean unpark(long id) {
        return update("parkedAt = null, parkedReason = null where id = ?1 and parkedAt is not null", id) == 1;
    }

    List<OutboxEvent> parked() {
        return find("parkedAt is not null order by id").list();
    }

    Optional<OutboxEvent> byId(long id) {
        return findByIdOptional(id);
    }

    public long waiting() {
        return count("parkedAt is null");
    }

    public long parkedCount() {
        return count("parkedAt is not null");
    }
}
