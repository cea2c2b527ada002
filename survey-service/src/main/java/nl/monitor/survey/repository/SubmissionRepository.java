package nl.monitor.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import nl.monitor.survey.Submission;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
        lockMunicipalitiesOfYear(List.of(municipality), year);
    }

    /**
     * {@link #lockMunicipalityYear} for several municipalities of one year in one statement, in the order of their
     * codes (two such calls at once take their locks in the same order, so neither waits for the other in a circle).
     */
    public void lockMunicipalitiesOfYear(List<String> municipalities, int year) {
        List<String> sorted = municipalities.stream().sorted().distinct().toList();
        String values = String.join(", ", IntStream.range(0, sorted.size()).mapToObj(i -> "(?" + (i + 2) + ")")
                .toList());
        Query lock = getEntityManager().createNativeQuery(
                "SELECT count(pg_advisory_xact_lock(hashtext(m), ?1)) FROM (SELECT m FROM (VALUES " + values
                        + ") AS v(m) ORDER BY m) AS ordered").setParameter(1, year);
        for (int i = 0; i < sorted.size(); i++) {
            lock.setParameter(i + 2, sorted.get(i));
        }
        lock.getSingleResult();
    }

    /**
     * The highest version each of the municipalities has for the year, by code; those with none are absent. The codes
     * travel as one array, so the statement is the same for one municipality or a wave's import (a list bound to
     * HQL's {@code in} is expanded per size, and Hibernate translated the query anew on every submission: 9 % of the
     * survey-service's CPU under load in JFR).
     */
    public Map<String, Integer> highestVersions(List<String> municipalities, int year) {
        List<Tuple> rows = getEntityManager().createNativeQuery("SELECT municipality, max(version) AS highest "
                        + "FROM submission WHERE year = ?1 AND municipality = ANY(CAST(?2 AS text[])) "
                        + "GROUP BY municipality", Tuple.class)
                .setParameter(1, year).setParameter(2, municipalities.toArray(String[]::new)).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> row.get("municipality", String.class),
                row -> row.get("highest", Integer.class)));
    }

    public int nextVersion(String municipality, int year) {
        return highestVersions(List.of(municipality), year).getOrDefault(municipality, 0) + 1;
    }
}
