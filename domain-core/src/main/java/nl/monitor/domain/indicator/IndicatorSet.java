package nl.monitor.domain.indicator;

import java.util.List;
import java.util.Optional;

/**
 * A version of the indicator definitions ({@code nl/monitor/domain/indicators-v<N>.yaml}): the themes with their
 * targets, the dimensions figures are broken down by, and the indicators. Read through {@link Indicators}.
 */
public record IndicatorSet(int version, String name, List<Dimension> dimensions, List<Theme> themes,
                           List<Indicator> indicators) {

    public IndicatorSet {
        dimensions = List.copyOf(dimensions);
        themes = List.copyOf(themes);
        indicators = List.copyOf(indicators);
    }

    public Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<Dimension> dimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Theme> theme(int number) {
        return themes.stream().filter(t -> t.number() == number).findFirst();
    }
}
