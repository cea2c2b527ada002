package nl.monitor.survey.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.domain.plan.MunicipalPlan;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One stored version of a municipality's plan; the highest version is the current plan. */
@Entity
@Table(name = "municipal_plan")
public class StoredPlan {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public MunicipalPlan plan;

    @Column(name = "indicator_set_version", nullable = false)
    public int indicatorSetVersion;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    @Column(name = "saved_by", nullable = false)
    public String savedBy;
}
