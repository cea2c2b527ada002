package nl.monitor.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Remembers which submission a caller's Idempotency-Key created, and the request it came with. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @EmbeddedId
    public Id id;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Id(@Column(nullable = false) String caller, @Column(nullable = false) String key)
            implements Serializable {
    }
}
