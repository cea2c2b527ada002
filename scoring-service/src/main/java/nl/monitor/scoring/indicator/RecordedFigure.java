package nl.monitor.scoring.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.contracts.IndicatorRecorded;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * An indicator figure as the scoring-service last saw it: the highest version per indicator, area, breakdown and
 * period, with the id of the {@code indicator-recorded} event that brought it (V6).
 */
@Entity
@Table(name = "recorded_figure")
public class RecordedFigure {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String indicator;

    /** {@link IndicatorRecorded#key()}: a municipality code, {@code region:<name>} or {@code NL}. */
    @Column(name = "area_key", nullable = false)
    public String areaKey;

    /** {@link IndicatorThreshold#keyOf} the breakdown. */
    @Column(name = "breakdown_key", nullable = false)
    public String breakdownKey;

    /** {@code YEAR} or {@code QUARTER}. */
    @Column(nullable = false)
    public String granularity;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public int version;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public IndicatorRecorded figure;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
