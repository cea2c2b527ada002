package nl.monitor.scoring.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Where an area stands with respect to one threshold, for one kind of period (years and quarters are watched apart):
 * the latest period evaluated, the version of its figure, its value and whether it is on the alerting side.
 */
@Entity
@Table(name = "indicator_threshold_state")
public class IndicatorThresholdState {

    @Id
    public UUID id;

    @Column(name = "threshold_id", nullable = false)
    public UUID thresholdId;

    /** The figure's area key: a municipality code or {@code region:<name>}. */
    @Column(nullable = false)
    public String area;

    /** {@code YEAR} or {@code QUARTER}. */
    @Column(nullable = false)
    public String granularity;

    @Column(nullable = false)
    public String period;

    @Column(name = "figure_version", nullable = false)
    public int figureVersion;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(nullable = false)
    public boolean alerting;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
