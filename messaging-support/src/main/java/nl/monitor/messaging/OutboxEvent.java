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

    /**
     * The record's headers; {@code null} for a CloudEvent without a trace context, which is sent with
     * {@link #cloudEventHeaders} only (the common case: nothing to store).
     */
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

    /** The headers of a CloudEvent record (structured content mode), plus {@code more} (its trace context, say). */
    static Map<String, String> cloudEventHeaders(String eventId, Map<String, String> more) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(more);
        headers.put("ce_id", eventId);
        headers.put("content-type", nl.monitor.contracts.CloudEvent.STRUCTURED_CONTENT_TYPE);
        return headers;
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
