package nl.monitor.scoring.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TargetStateRepository implements PanacheRepositoryBase<TargetState, UUID> {

    public Optional<TargetState> of(String municipality, String series, int year) {
        return find("municipality = ?1 and series = ?2 and year = ?3", municipality, series, year)
                .firstResultOptional();
    }

    public List<TargetState> ofMunicipality(String municipality) {
        return list("municipality = ?1 order by series, year", municipality);
    }
}
