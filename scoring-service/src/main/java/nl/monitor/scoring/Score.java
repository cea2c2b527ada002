package nl.monitor.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.domain.scoring.GoalScore;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import nl.monitor.domain.scoring.Band;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The score of one submission under one rules version. */
@Entity
@Table(name = "score")
public class Score {

    @Id
    public UUID id;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public int year;

    @Column(name = "submission_version", nullable = false)
    public int submissionVersion;

    @Column(name = "rules_version", nullable = false)
    public int rulesVersion;

    @Column(nullable = false)
    public double total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Band band;

    @Column(name = "goals_answered", nullable = false)
    public int goalsAnswered;

    /** Per goal borging/inhoud/bereik/total/band. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<GoalScore> goals;

    /**
     * The thresholds the municipality stands below after this score ({@code Thresholds.key}s); null for scores
     * stored before the state was kept.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "below_thresholds", columnDefinition = "jsonb")
    public List<String> belowThresholds;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;
}
