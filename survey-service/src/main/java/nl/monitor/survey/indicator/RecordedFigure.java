package nl.monitor.survey.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.domain.indicator.AreaLevel;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One stored version of an indicator figure; the highest version of its indicator, period, area and breakdown counts. */
@Entity
@Table(name = "indicator_figure")
public class RecordedFigure {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String indicator;

    @Column(name = "indicator_set_version", nullable = false)
    public int indicatorSetVersion;

    @Column(nullable = false)
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AreaLevel level;

    @Column(nullable = false)
    public String area;

    @Column(name = "breakdown_key", nullable = false)
    public String breakdownKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> breakdown;

    @Column(nullable = false, precision = 18, scale = 4)
    public BigDecimal value;

    @Column(nullable = false)
    public int version;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
