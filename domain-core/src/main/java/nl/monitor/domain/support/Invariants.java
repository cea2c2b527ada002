package nl.monitor.domain.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The checks a catalog (questionnaire, indicator set) makes of itself on load: a broken one fails the build's tests. */
public final class Invariants {

    private Invariants() {
    }

    /** @throws IllegalStateException naming {@code what} and the duplicates when two items share a key */
    public static <T, K> void requireUnique(List<T> items, Function<T, K> key, String what) {
        Set<K> seen = new HashSet<>();
        Set<K> duplicates = items.stream().map(key).filter(k -> !seen.add(k)).collect(Collectors.toSet());
        require(duplicates.isEmpty(), what + " are not unique: " + duplicates);
    }

    /** @throws IllegalStateException with {@code problem} unless the condition holds */
    public static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
