package nl.monitor.messaging;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /** SKIP LOCKED in PostgreSQL: rows another relay instance holds are passed over, not waited for. */
    private static final int SKIP_LOCKED = -2;

    /** The oldest waiting events, locked for this transaction. */
    List<OutboxEvent> lockOldest(int limit) {
        return find("order by id").withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, limit).list();
    }

    public long waiting() {
        return count();
    }
}
