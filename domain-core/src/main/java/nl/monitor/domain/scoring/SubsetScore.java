package nl.monitor.domain.scoring;

import java.util.Set;

/**
 * A score over a chosen subset of the components, as the Monitor's dashboard shows it when parts are switched off:
 * the points, the subset's maximum, and the points as a percentage of that maximum.
 */
public record SubsetScore(Set<Component> components, double points, double maximum, double percentage) {

    public SubsetScore {
        components = Set.copyOf(components);
    }
}
