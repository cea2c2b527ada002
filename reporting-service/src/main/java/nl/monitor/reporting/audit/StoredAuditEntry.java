package nl.monitor.reporting.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code audit_entry} (V12), as {@link AuditEntries} appends and reads it: immutable to JPA, as the table is
 * to everyone (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class StoredAuditEntry {

    /** The order in which the entries arrived here (an identity column). */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long seq;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** When this service stored it (the column's default). */
    @Column(name = "recorded_at", insertable = false, updatable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String subject;

    public String municipality;

    @Column(nullable = false)
    public String actor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> roles;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "peer_address")
    public String peerAddress;

    /** The event's details by name, a JSONB object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> details;

    /** The entry as served. */
    public AuditEntry entry() {
        return new AuditEntry(seq, eventId, occurredAt, action, subject, municipality, actor, List.copyOf(roles),
                clientAddress, peerAddress, service, details, recordedAt);
    }
}
