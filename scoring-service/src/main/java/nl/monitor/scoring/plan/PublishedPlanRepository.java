package nl.monitor.scoring.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PublishedPlanRepository implements PanacheRepositoryBase<PublishedPlan, String> {

    /**
     * Holds the municipality's targets until the transaction ends (a PostgreSQL advisory lock), so that its plan and
     * its results are held against each other in one order. Without it a plan and a result arriving at once on two
     * instances (the topics' partitions of one municipality may be consumed by different instances) would each miss
     * the other's uncommitted row, and the target would not be evaluated until the next event of that municipality.
     */
    public void holdTargetsOf(String municipality) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('own-targets'), hashtext(?1))")
                .setParameter(1, municipality).getSingleResult();
    }
}
