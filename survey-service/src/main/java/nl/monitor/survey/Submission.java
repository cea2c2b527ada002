package nl.monitor.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.survey.service.Answers;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One stored version of a municipality's assessment for a year; the highest version is the current one. */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int version;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    /** The goals and extras, as validated. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Answers answers;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;
}
