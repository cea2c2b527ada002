package nl.monitor.scoring.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.contracts.MunicipalPlanPublished;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A municipality's current plan: the highest version of {@code municipal-plan-published} received (V7). */
@Entity
@Table(name = "municipal_plan")
public class PublishedPlan {

    @Id
    public String municipality;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public MunicipalPlanPublished plan;

    /** The municipal-plan-published event it came with. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
