package nl.monitor.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.Subscription;

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
}
