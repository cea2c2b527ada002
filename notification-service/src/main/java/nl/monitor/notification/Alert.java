package nl.monitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.scoring.Band;

import java.time.Instant;
import java.util.UUID;

/** One threshold crossing of a municipality, raised once however often its event is delivered. */
@Entity
@Table(name = "alert")
public class Alert {

    /** The only alert type so far; a recovery reported as resolved will be another. */
    public static final String THRESHOLD_CROSSED = "threshold-crossed";
    /** The type of the notice that a municipality came back up across a threshold it had an open alert for. */
    public static final String RESOLVED = "resolved";

    @Id
    public UUID id;

    @Column(name = "crossing_id", nullable = false, unique = true)
    public UUID crossingId;

    /** The id of the threshold-crossed CloudEvent. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String type;

    /** Null for an alert on a region's indicator figure. */
    public String municipality;

    @Column(name = "municipality_name")
    public String municipalityName;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public int year;

    /** Null on an alert on an indicator figure (its threshold is {@link IndicatorAlert#threshold()}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "threshold_scope")
    public ThresholdCrossed.Threshold.Scope thresholdScope;

    @Column(name = "threshold_goal")
    public Integer thresholdGoal;

    /** The questionnaire the scored submission answered: its goal titles name the goal; null before issue 26. */
    @Column(name = "questionnaire_version")
    public Integer questionnaireVersion;

    @Column(name = "threshold_value", nullable = false)
    public double thresholdValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ThresholdCrossed.Direction direction;

    /** Null when the crossing came with the municipality's first score. */
    @Column(name = "previous_score")
    public Double previousScore;

    /** Null for an alert on an indicator figure (its values are in {@link #indicator}). */
    @Column(name = "new_score")
    public Double newScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_band")
    public Band previousBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_band")
    public Band newBand;

    /** The score-computed event the crossing came from. */
    @Column(name = "score_event_id")
    public String scoreEventId;

    @Column(name = "submission_id")
    public UUID submissionId;

    /** On an alert on an indicator figure (threshold-crossed v2): what it says; null on a score's. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public IndicatorAlert indicator;

    /** {@link IndicatorAlert#series()}: the crossing back resolves the series' open alert. */
    @Column(name = "indicator_series")
    public String indicatorSeries;

    /** On an alert on a municipality's own target (threshold-crossed v3): what it says; null on others. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public TargetAlert target;

    /** {@link TargetAlert#series}: the target met again (or withdrawn) resolves the series' open alert. */
    @Column(name = "target_series")
    public String targetSeries;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertState state;

    /** When the crossing back up resolved this alert. */
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** On a resolved notice: the alert it resolves. */
    @Column(name = "resolves_alert_id")
    public UUID resolvesAlertId;

    /** The score's threshold; null on an alert on an indicator figure. */
    public ThresholdCrossed.Threshold threshold() {
        if (thresholdScope == null) {
            return null;
        }
        return new ThresholdCrossed.Threshold(thresholdScope, thresholdGoal, thresholdValue);
    }
}
