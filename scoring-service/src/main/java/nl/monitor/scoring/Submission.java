package nl.monitor.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.contracts.SurveySubmitted;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The answers of one scored submission, kept so that its wave can be rescored under other rules. */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int version;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    /** The survey-submitted data. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public SurveySubmitted answers;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
}
