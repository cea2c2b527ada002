package nl.monitor.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import nl.monitor.notification.Delivery;
import nl.monitor.notification.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** SKIP LOCKED in PostgreSQL: rows another instance is claiming are passed over, not waited for. */
    private static final int SKIP_LOCKED = -2;

    /** The pending deliveries due at {@code now}, oldest due first, locked for this transaction. */
    public List<Delivery> lockDue(Instant now, int limit) {
        return find("status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt, id", DeliveryStatus.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, limit).list();
    }

    /** The subscription's pending deliveries due at {@code now} after this many attempts, locked, oldest first. */
    public List<Delivery> lockDue(UUID subscriptionId, int attempts, Instant now) {
        return find("subscriptionId = ?1 and status = ?2 and attempts = ?3 and nextAttemptAt <= ?4 "
                        + "order by createdAt, id", subscriptionId, DeliveryStatus.PENDING, attempts, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED).list();
    }

    public Delivery lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The subscriptions an alert was delivered (or is being delivered) to. */
    public List<UUID> subscriptionsOf(UUID alertId) {
        return getEntityManager().createQuery(
                        "select distinct d.subscriptionId from Delivery d where d.alertId = :alert", UUID.class)
                .setParameter("alert", alertId).getResultList();
    }

    public List<Delivery> ofSubscription(UUID subscriptionId, int limit) {
        return find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId).page(0, limit).list();
    }

    /** Cancels what is still waiting for a subscription that goes away; returns how many. */
    public int cancelPending(UUID subscriptionId, Instant now) {
        return update("status = ?1, nextAttemptAt = null, completedAt = ?2 where subscriptionId = ?3 and status = ?4",
                DeliveryStatus.CANCELLED, now, subscriptionId, DeliveryStatus.PENDING);
    }

    /** Makes the subscription's waiting deliveries due now (a client of its stream just connected); returns how many. */
    public int dueNow(UUID subscriptionId, Instant now) {
        return update("nextAttemptAt = ?1 where subscriptionId = ?2 and status = ?3 and nextAttemptAt > ?1", now,
                subscriptionId, DeliveryStatus.PENDING);
    }
}
