package nl.monitor.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import nl.monitor.notification.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    private static final String OLDEST_FIRST = " order by createdAt, id";

    public Optional<Subscription> active(UUID id) {
        return findByIdOptional(id).filter(Subscription::active);
    }

    public List<Subscription> activeInRegion(String region) {
        return list("region = ?1 and deletedAt is null" + OLDEST_FIRST, region);
    }

    public List<Subscription> allActive() {
        return list("deletedAt is null" + OLDEST_FIRST);
    }

    /** Every subscription holding a webhook secret, locked until the transaction ends (a rotation waits). */
    public List<Subscription> withSecretsLocked() {
        return find("secret is not null or previousSecret is not null" + OLDEST_FIRST)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Writes the secrets again, so they are encrypted with the current key (SealedSecret seals what it writes). */
    public void rewriteSecrets(Subscription subscription) {
        update("secret = ?1, previousSecret = ?2 where id = ?3", subscription.secret, subscription.previousSecret,
                subscription.id);
    }

    /** Deletes the previous secrets whose overlap has ended; how many. */
    public int forgetPreviousSecretsEndedBy(Instant now) {
        return update("previousSecret = null, previousSecretUntil = null where previousSecretUntil <= ?1", now);
    }
}
