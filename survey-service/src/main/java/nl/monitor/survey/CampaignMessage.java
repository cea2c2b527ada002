package nl.monitor.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One campaign e-mail of a wave to one contact for one step (invitation or a reminder), claimed before it is sent.
 * At most one per wave, municipality, e-mail address and step (a UNIQUE constraint).
 */
@Entity
@Table(name = "campaign_message")
public class CampaignMessage {

    /** Where the message stands. Only {@link #FAILED} is ever sent again. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CampaignMessageStatus")
    public enum Status {
        /** Claimed; being handed to the SMTP server. */
        SENDING,
        /** The SMTP server took it. */
        SENT,
        /** The SMTP server refused it or could not be reached: it did not go out, and a later round tries again. */
        FAILED,
        /** No answer in time, or the instance stopped while sending: it may have arrived, so it is not sent again. */
        UNCERTAIN
    }

    @Id
    public Long id;

    @Column(name = "wave_year", nullable = false)
    public int waveYear;

    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public String email;

    /** {@code INVITATION}, {@code REMINDER_1}, {@code REMINDER_2}, ... */
    @Column(nullable = false)
    public String step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "claimed_by", nullable = false)
    public String claimedBy;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
