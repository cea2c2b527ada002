package nl.monitor.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.survey.Submission;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    public List<Submission> ofMunicipality(String municipality) {
        return list("municipality = ?1 order by year desc, version desc", municipality);
    }

    public List<Submission> ofMunicipality(String municipality, int year) {
        return list("municipality = ?1 and year = ?2 order by version desc", municipality, year);
    }

    /** The questionnaire version the year's submissions answer (that of its first), if it has any. */
    public Optional<Integer> questionnaireOfYear(int year) {
        return getEntityManager()
                .createQuery("select s.questionnaireVersion from Submission s where s.year = ?1 order by s.submittedAt",
                        Integer.class)
                .setParameter(1, year).setMaxResults(1).getResultStream().findFirst();
    }

    /** The codes of the municipalities that have submitted for the year (any version). */
    public Set<String> municipalitiesThatSubmitted(int year) {
        return new HashSet<>(getEntityManager()
                .createQuery("select distinct s.municipality from Submission s where s.year = ?1", String.class)
                .setParameter(1, year).getResultList());
    }

    public Optional<Submission> current(String municipality, int year) {
        return find("municipality = ?1 and year = ?2 order by version desc", municipality, year).firstResultOptional();
    }

    /**
     * Serialises submissions of one municipality and year until the transaction ends, so two concurrent submissions
     * get consecutive versions instead of colliding.
     */
    public void lockMunicipalityYear(String municipality, int year) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1), ?2)")
                .setParameter(1, municipality).setParameter(2, year).getSingleResult();
    }

    public int nextVersion(String municipality, int year) {
        Integer highest = getEntityManager()
                .createQuery("select max(s.version) from Submission s where s.municipality = ?1 and s.year = ?2",
                        Integer.class)
                .setParameter(1, municipality).setParameter(2, year).getSingleResult();
        return highest == null ? 1 : highest + 1;
    }
}
