package nl.monitor.domain.indicator;

import java.util.List;
import java.util.Optional;

/** A breakdown of figures, e.g. by type of abuse, with the values it takes. */
public record Dimension(String id, String title, List<Value> values) {

    public Dimension {
        values = List.copyOf(values);
    }

    public Optional<Value> value(String valueId) {
        return values.stream().filter(v -> v.id().equals(valueId)).findFirst();
    }

    /** One value of a dimension: a stable English id and its Dutch label. */
    public record Value(String id, String label) {
    }
}
