package nl.monitor.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A measurement round: the year, what it asks and scores with, and when respondents may submit for it. */
@Entity
@Table(name = "wave")
public class Wave {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WaveStatus")
    public enum Status { OPEN, CLOSED }

    @Id
    public int year;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    @Column(name = "rules_version", nullable = false)
    public int rulesVersion;

    /** The municipal division (1 January of this year) whose municipalities the wave invites. */
    @Column(name = "division_year", nullable = false)
    public int divisionYear;

    @Column(name = "open_from", nullable = false)
    public Instant openFrom;

    /** Exclusive. */
    @Column(name = "open_until", nullable = false)
    public Instant openUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "reopened_at")
    public Instant reopenedAt;

    @Column(name = "reopened_by")
    public String reopenedBy;

    @Column(name = "reopen_reason")
    public String reopenReason;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;
}
