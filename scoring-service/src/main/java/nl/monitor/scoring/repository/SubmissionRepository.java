package nl.monitor.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.scoring.Submission;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /** The current submission (highest version) of every municipality for the year, by municipality. */
    public List<Submission> currentOfYear(int year) {
        return list("year = ?1 and version = (select max(t.version) from Submission t "
                + "where t.municipality = municipality and t.year = ?1) order by municipality", year);
    }
}
