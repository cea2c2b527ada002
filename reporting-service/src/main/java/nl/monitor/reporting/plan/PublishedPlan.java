package nl.monitor.reporting.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.domain.plan.MunicipalPlan;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The current version of a municipality's plan (V31), kept by {@link PlanProjection}. */
@Entity
@Table(name = "municipal_plan")
public class PublishedPlan {

    @Id
    public String municipality;

    @Column(nullable = false)
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public MunicipalPlan plan;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
