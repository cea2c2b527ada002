package nl.monitor.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.survey.Draft;

@ApplicationScoped
public class DraftRepository implements PanacheRepositoryBase<Draft, Draft.Id> {
}
