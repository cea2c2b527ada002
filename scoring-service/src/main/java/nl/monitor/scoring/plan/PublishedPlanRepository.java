package nl.monitor.scoring.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PublishedPlanRepository implements PanacheRepositoryBase<PublishedPlan, String> {
}
