package nl.monitor.survey.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<StoredPlan, UUID> {

    /** The current (highest) version of a municipality's plan, if it has one. */
    public Optional<StoredPlan> current(String municipality) {
        return find("municipality = ?1 order by version desc", municipality).firstResultOptional();
    }

    /** Every version, newest first. */
    public List<StoredPlan> versions(String municipality) {
        return list("municipality = ?1 order by version desc", municipality);
    }

    /** Serialises the changes of one municipality's plan until the transaction ends, so versions stay consecutive. */
    public void lock(String municipality) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "plan|" + municipality).getSingleResult();
    }
}
