package nl.monitor.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.survey.Wave;

import java.util.List;

@ApplicationScoped
public class WaveRepository implements PanacheRepositoryBase<Wave, Integer> {

    /** Serialises the changes of one year's wave (two admins opening it at once: one wins, one gets 409). */
    public void lockYear(int year) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('wave'), ?1)")
                .setParameter(1, year).getSingleResult();
    }

    /** Every wave, the newest year first. */
    public List<Wave> newestFirst() {
        return list("ORDER BY year DESC");
    }
}
