package nl.monitor.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.survey.CampaignMessage;
import nl.monitor.survey.CampaignMessage.Status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CampaignMessageRepository implements PanacheRepositoryBase<CampaignMessage, Long> {

    /** Every message of a wave, by municipality, address and step. */
    public List<CampaignMessage> ofWave(int year) {
        return list("waveYear = ?1 order by municipality, email, step", year);
    }

    /**
     * Claims one message for sending: a new row SENDING, or a FAILED one back to SENDING (attempts + 1). Empty when
     * the message exists in any other state, which includes another instance's claim of a moment ago: the UNIQUE
     * constraint makes the second insert wait for the first and then find it.
     *
     * @return the claimed row's id
     */
    public Optional<Long> claim(int year, String municipality, String email, String step, Instant at, String by) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("""
                        INSERT INTO campaign_message (wave_year, municipality, email, step, status, claimed_at, claimed_by)
                        VALUES (?1, ?2, ?3, ?4, 'SENDING', ?5, ?6)
                        ON CONFLICT (wave_year, municipality, email, step) DO UPDATE
                            SET status = 'SENDING', claimed_at = EXCLUDED.claimed_at, claimed_by = EXCLUDED.claimed_by,
                                attempts = campaign_message.attempts + 1
                            WHERE campaign_message.status = 'FAILED'
                        RETURNING id""")
                .setParameter(1, year).setParameter(2, municipality).setParameter(3, email).setParameter(4, step)
                .setParameter(5, at).setParameter(6, by).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** Records how sending a claimed message ended. */
    public void finish(long id, Status status, Instant sentAt, String error) {
        update("status = ?1, sentAt = ?2, lastError = ?3 where id = ?4 and status = ?5", status, sentAt, error, id,
                Status.SENDING);
    }

    /**
     * Claims still SENDING since before {@code before}: their instance stopped mid-send. They become UNCERTAIN (they
     * may have gone out) and are not sent again.
     *
     * @return how many
     */
    public int abandonStaleClaims(Instant before) {
        return update("status = ?1, lastError = ?2 where status = ?3 and claimedAt < ?4", Status.UNCERTAIN,
                "the instance stopped while sending; it may have gone out, so it is not sent again", Status.SENDING,
                before);
    }
}
