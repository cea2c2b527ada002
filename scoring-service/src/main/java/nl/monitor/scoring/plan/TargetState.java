package nl.monitor.scoring.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a municipality stands against one target of its plan in the target's year: the result last evaluated, the
 * target's value then, and whether it is missed (V7). Kept so that a missed target is published once.
 */
@Entity
@Table(name = "target_state")
public class TargetState {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String municipality;

    /** {@link PlanTarget#series()}: {@code goal:<n>} or {@code indicator:<id>|<breakdown key>}. */
    @Column(nullable = false)
    public String series;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public BigDecimal target;

    @Column(nullable = false)
    public BigDecimal result;

    @Column(nullable = false)
    public boolean missed;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
