package nl.monitor.survey.campaign;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Runs a campaign round every {@code survey.campaign.every} on each instance ({@code off} in the tests, which run rounds
 * themselves); the database claims keep the instances from sending a message twice.
 */
@ApplicationScoped
public class CampaignJob {

    private static final Logger LOG = Logger.getLogger(CampaignJob.class);

    private final CampaignRound round;

    public CampaignJob(CampaignRound round) {
        this.round = round;
    }

    @Scheduled(identity = "campaign-round", every = "${survey.campaign.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            round.runAll(Instant.now());
        } catch (RuntimeException e) {
            // e.g. the database is away: the next round tries again (a mail sent but not recorded becomes UNCERTAIN)
            LOG.warnf("Campaign round failed; the next one tries again: %s", e.toString());
        }
    }
}
