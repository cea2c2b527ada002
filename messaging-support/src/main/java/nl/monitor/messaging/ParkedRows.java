package nl.monitor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.messaging.audit.AuditTrail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox rows the relay parked: listed for an admin, and put back in line after a fix (audited as
 * {@value #REQUEUED}).
 */
@ApplicationScoped
public class ParkedRows {

    /** A parked row, without its payload (which may be huge). */
    public record ParkedRow(long id, String eventId, String topic, String key, int payloadLength, Instant createdAt,
                            Instant parkedAt, String reason) {
        static ParkedRow of(OutboxEvent row) {
            return new ParkedRow(row.id, row.eventId, row.topic, row.recordKey, row.payload.length(), row.createdAt,
                    row.parkedAt, row.parkedReason);
        }
    }

    /** The audit action of a parked row put back in line. */
    public static final String REQUEUED = "outbox.requeued";

    private final OutboxRepository repository;
    private final AuditTrail audit;

    public ParkedRows(OutboxRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional
    public List<ParkedRow> list() {
        return repository.parked().stream().map(ParkedRow::of).toList();
    }

    @Transactional
    public Optional<ParkedRow> retry(long id) {
        Optional<ParkedRow> row = repository.byId(id).filter(r -> r.parkedAt != null).map(ParkedRow::of);
        row.ifPresent(r -> {
            repository.unpark(id);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("eventId", r.eventId());
            details.put("topic", r.topic());
            details.put("key", r.key());
            details.put("parkedAt", r.parkedAt());
            details.put("reason", r.reason());
            audit.record(REQUEUED, "outbox/" + id, null, details);
        });
        return row;
    }
}
