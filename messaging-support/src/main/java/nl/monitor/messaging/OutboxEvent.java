package nl.monitor.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** A record waiting in the service's own schema to be relayed to Kafka, or parked when Kafka can never take it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The CloudEvent id, or for a dead-lettered record a key naming its origin; unique. */
    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(nullable = false)
    public String payload;

    /** Record headers besides {@code ce_id} and {@code content-type}, which every CloudEvent gets. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> headers;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "parked_reason")
    public String parkedReason;

    protected OutboxEvent() {
    }

    OutboxEvent(String eventId, String topic, String recordKey, String payload, Map<String, String> headers,
                Instant createdAt) {
        this.eventId = eventId;
        this.topic = topic;
        this.recordKey = recordKey;
        this.payload = payload;
        this.headers = headers;
        this.createdAt = createdAt;
    }
}
