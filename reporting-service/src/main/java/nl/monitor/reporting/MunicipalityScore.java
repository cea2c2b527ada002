package nl.monitor.reporting;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import nl.monitor.domain.scoring.Band;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The current score of a municipality for a year: the score of the highest submission version (then rules version,
 * then computed-at) that arrived. Written only by the projection's upsert
 * ({@link nl.monitor.reporting.repository.MunicipalityScoreRepository#storeIfCurrent}), hence immutable to JPA.
 */
@Entity
@Immutable
@IdClass(MunicipalityScore.Key.class)
@Table(name = "municipality_score")
public class MunicipalityScore {

    @Id
    public String municipality;

    @Id
    public int year;

    /** The Veilig Thuis region, from the reference data when the score was projected. */
    @Column(nullable = false)
    public String region;

    /** The size class (1-5, Tabel 3.1), from the reference data when the score was projected. */
    @Column(name = "size_class", nullable = false)
    public int sizeClass;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

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

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    /** The score-computed event this row holds. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    /** 1 when first stored, one up each time a newer score replaced it. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "municipality_goal_score", joinColumns = {
            @JoinColumn(name = "municipality", referencedColumnName = "municipality"),
            @JoinColumn(name = "year", referencedColumnName = "year")})
    @OrderBy("goal")
    public List<MunicipalityGoalScore> goals = new ArrayList<>();

    /** The identity of a row: one current score per municipality and year. */
    public record Key(String municipality, int year) implements Serializable {
    }
}
