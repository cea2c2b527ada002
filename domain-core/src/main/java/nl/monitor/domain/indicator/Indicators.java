package nl.monitor.domain.indicator;

import nl.monitor.domain.support.Resources;

import static nl.monitor.domain.support.Invariants.require;
import static nl.monitor.domain.support.Invariants.requireUnique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The indicator definitions this build knows, read from {@code nl/monitor/domain/indicators-v<N>.yaml}: versions 1,
 * 2, … up to the first number without a file. A set that breaks its own invariants (an indicator of an unknown theme
 * or dimension, duplicate ids, no level) fails on load, so a bad data change fails the build's tests.
 */
public final class Indicators {

    private static final String RESOURCE = "nl/monitor/domain/indicators-v%d.yaml";
    private static final Map<Integer, IndicatorSet> LOADED = new ConcurrentHashMap<>();

    private Indicators() {
    }

    /** The newest set shipped: figures are recorded against it. */
    public static IndicatorSet latest() {
        List<IndicatorSet> all = all();
        return all.get(all.size() - 1);
    }

    /** @throws IllegalArgumentException when this build has no indicator set of that version */
    public static IndicatorSet version(int version) {
        return LOADED.computeIfAbsent(version, Indicators::load);
    }

    public static List<IndicatorSet> all() {
        List<IndicatorSet> all = new ArrayList<>();
        for (int version = 1; LOADED.containsKey(version) || Resources.exists(RESOURCE.formatted(version)); version++) {
            all.add(version(version));
        }
        return List.copyOf(all);
    }

    private static IndicatorSet load(int version) {
        String name = RESOURCE.formatted(version);
        if (!Resources.exists(name)) {
            throw new IllegalArgumentException("Unknown indicator set version " + version);
        }
        IndicatorSet set = Resources.readYaml(name, IndicatorSet.class);
        require(set.version() == version, name + " declares version " + set.version());
        checkIntegrity(set);
        return set;
    }

    static void checkIntegrity(IndicatorSet set) {
        String where = "indicator set v" + set.version();
        requireUnique(set.themes(), Theme::number, where + " theme numbers");
        requireUnique(set.dimensions(), Dimension::id, where + " dimension ids");
        requireUnique(set.indicators(), Indicator::id, where + " indicator ids");
        for (Dimension dimension : set.dimensions()) {
            require(!dimension.values().isEmpty(), where + " dimension " + dimension.id() + " has no values");
            requireUnique(dimension.values(), Dimension.Value::id, where + " dimension " + dimension.id() + " values");
        }
        for (Indicator indicator : set.indicators()) {
            String at = where + " indicator " + indicator.id();
            require(indicator.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), at + " has no kebab-case id");
            require(indicator.title() != null && !indicator.title().isBlank(), at + " has no title");
            require(set.theme(indicator.theme()).isPresent(), at + " names an unknown theme " + indicator.theme());
            require(indicator.unit() != null && indicator.better() != null, at + " lacks its unit or direction");
            require(!indicator.levels().isEmpty(), at + " has no level");
            for (String breakdown : indicator.breakdowns()) {
                require(set.dimension(breakdown).isPresent(), at + " names an unknown dimension " + breakdown);
            }
            requireUnique(indicator.breakdowns(), Function.identity(), at + " breakdowns");
        }
    }
}
