package nl.monitor.domain.indicator;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * 2, … up to the first number without a file. A version's file either holds the whole set or {@code extends} an
 * earlier version and lists only what it adds (themes, dimensions, indicators): a new indicator is a short data file.
 * A set that breaks its own invariants (an indicator of an unknown theme or dimension, duplicate ids — so an addition
 * cannot silently redefine an indicator —, no level) fails on load, so a bad data change fails the build's tests.
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
        SetFile file = Resources.readYaml(name, SetFile.class);
        require(file.version() == version, name + " declares version " + file.version());
        require(file.extendsVersion() == null || file.extendsVersion() < version,
                name + " extends version " + file.extendsVersion() + ", not an earlier one");
        IndicatorSet set = file.extendsVersion() == null ? file.whole() : file.adding(version(file.extendsVersion()));
        checkIntegrity(set);
        return set;
    }

    /** A version's file: the whole set, or what it adds to the set it {@code extends}. */
    record SetFile(int version, String name, @JsonProperty("extends") Integer extendsVersion,
                   List<Dimension> dimensions, List<Theme> themes, List<Indicator> indicators) {

        SetFile {
            dimensions = dimensions == null ? List.of() : dimensions;
            themes = themes == null ? List.of() : themes;
            indicators = indicators == null ? List.of() : indicators;
        }

        IndicatorSet whole() {
            return new IndicatorSet(version, name, dimensions, themes, indicators);
        }

        IndicatorSet adding(IndicatorSet base) {
            return new IndicatorSet(version, name == null ? base.name() : name, concat(base.dimensions(), dimensions),
                    concat(base.themes(), themes), concat(base.indicators(), indicators));
        }

        private static <T> List<T> concat(List<T> base, List<T> added) {
            List<T> all = new ArrayList<>(base);
            all.addAll(added);
            return all;
        }
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
