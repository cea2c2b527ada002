package nl.monitor.scoring.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.contracts.ThresholdCrossed.AlertWhen;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A coordinator's threshold on an indicator of the region: e.g. "repeat reports of domestic violence above 12 %". It
 * watches the region's own figure and the figures of the region's municipalities with exactly this breakdown.
 */
@Entity
@Table(name = "indicator_threshold")
public class IndicatorThreshold {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String indicator;

    /** Dimension id to value id; empty: the total. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> breakdown;

    /** {@link #keyOf} the breakdown: what a figure's breakdown is matched on. */
    @Column(name = "breakdown_key", nullable = false)
    public String breakdownKey;

    @Column(nullable = false)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(name = "alert_when", nullable = false)
    public AlertWhen alertWhen;

    @Column(nullable = false)
    public BigDecimal margin;

    public String description;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A breakdown as one comparable text: {@code abuse-type=sexual-abuse;reporter=citizen}, sorted; empty: total. */
    public static String keyOf(Map<String, String> breakdown) {
        return new java.util.TreeMap<>(breakdown).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
