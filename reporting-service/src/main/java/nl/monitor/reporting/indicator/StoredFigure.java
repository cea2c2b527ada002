package nl.monitor.reporting.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import nl.monitor.domain.indicator.AreaLevel;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The current version of one indicator figure (V30 {@code indicator_figure}). */
@Entity
@Table(name = "indicator_figure")
public class StoredFigure {

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> breakdown;

    @Column(nullable = false, precision = 18, scale = 4)
    public BigDecimal value;

    @Column(nullable = false)
    public int version;

    @Column(name = "figure_id", nullable = false)
    public UUID figureId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** What a figure is of: indicator, period, area and breakdown. */
    @Embeddable
    public record Key(String indicator, String period, @Enumerated(EnumType.STRING) AreaLevel level, String area,
                      @Column(name = "breakdown_key") String breakdownKey) implements Serializable {
    }
}
