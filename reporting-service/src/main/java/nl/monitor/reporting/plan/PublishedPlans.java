package nl.monitor.reporting.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.domain.plan.MunicipalPlan;
import org.hibernate.Session;
import jakarta.persistence.metamodel.Type;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The table {@code municipal_plan} (V31): each municipality's current plan. */
@ApplicationScoped
public class PublishedPlans implements PanacheRepositoryBase<PublishedPlan, String> {

    /**
     * Keeps the plan unless a version as high or higher is stored (a redelivery, or an older version arriving late).
     *
     * @return whether the stored plan changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean keep(MunicipalPlanPublished plan) {
        return getEntityManager().unwrap(Session.class).createMutationQuery("""
                        insert into PublishedPlan (municipality, version, plan, planId, publishedAt)
                        values (:municipality, :version, :plan, :planId, :publishedAt)
                        on conflict (municipality) do update set version = excluded.version, plan = excluded.plan,
                            planId = excluded.planId, publishedAt = excluded.publishedAt
                        where excluded.version > version
                        """)
                .setParameter("municipality", plan.municipality())
                .setParameter("version", plan.version())
                .setParameter("plan", plan.plan(), planType())
                .setParameter("planId", plan.planId())
                .setParameter("publishedAt", plan.publishedAt())
                .executeUpdate() == 1;
    }

    /** The mapped type of the JSON plan, which the insert's parameter must take. */
    @SuppressWarnings("unchecked")
    private Type<MunicipalPlan> planType() {
        return (Type<MunicipalPlan>) getEntityManager().getMetamodel().entity(PublishedPlan.class)
                .getSingularAttribute("plan").getType();
    }

    public Optional<PublishedPlan> of(String municipality) {
        return findByIdOptional(municipality);
    }

    /** The plans of these municipalities, by code (those without a plan left out). */
    public Map<String, PublishedPlan> of(Collection<String> municipalities) {
        if (municipalities.isEmpty()) {
            return Map.of();
        }
        return list("municipality in ?1", List.copyOf(municipalities)).stream()
                .collect(Collectors.toMap(p -> p.municipality, Function.identity()));
    }
}
