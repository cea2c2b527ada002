package nl.monitor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox rows the relay parked: listed for an admin, and put back in line after a fix. */
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

    private final OutboxRepository repository;

    public ParkedRows(OutboxRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public List<ParkedRow> list() {
        return repository.parked().stream().map(ParkedRow::of).toList();
    }

    @Transactional
    public Optional<ParkedRow> retry(long id) {
        Optional<ParkedRow> row = repository.byId(id).filter(r -> r.parkedAt != null).map(ParkedRow::of);
        row.ifPresent(r -> repository.unpark(id));
        return row;
    }
}
