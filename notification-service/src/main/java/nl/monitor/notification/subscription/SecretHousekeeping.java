package nl.monitor.notification.subscription;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.repository.SubscriptionRepository;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the stored webhook secrets as they should be: at start, every secret is written again, so it is encrypted
 * with the current key (secrets stored in clear before encryption, and those of a key being rotated out); and the
 * previous secret of a rotation is deleted as soon as its overlap ends (at start and every few minutes).
 */
@ApplicationScoped
public class SecretHousekeeping {

    private static final Logger LOG = Logger.getLogger(SecretHousekeeping.class);

    private final SubscriptionRepository subscriptions;

    public SecretHousekeeping(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    void onStart(@Observes StartupEvent start) {
        forgetEndedPreviousSecrets();
        int resealed = sealWithCurrentKey();
        LOG.infof("Webhook secrets of %d subscription(s) encrypted with the current key", resealed);
    }

    /**
     * Encrypts every stored secret with the current key ({@code notification.webhook.secret-key-id}); several instances
     * may do it at once (the rows are locked one transaction at a time, a concurrent rotation waits).
     *
     * @return how many subscriptions' secrets were written
     */
    @Transactional
    public int sealWithCurrentKey() {
        List<Subscription> withSecrets = subscriptions.withSecretsLocked();
        withSecrets.forEach(subscriptions::rewriteSecrets);
        return withSecrets.size();
    }

    @Scheduled(every = "5m", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    public void forgetEndedPreviousSecrets() {
        int forgotten = subscriptions.forgetPreviousSecretsEndedBy(Instant.now());
        if (forgotten > 0) {
            LOG.infof("Deleted the previous webhook secret of %d subscription(s): their rotation overlap ended",
                    forgotten);
        }
    }
}
