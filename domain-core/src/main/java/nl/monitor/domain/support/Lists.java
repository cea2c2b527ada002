package nl.monitor.domain.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies that keep nulls, for answer types that must carry what a client sent so validation can name it. */
public final class Lists {

    private Lists() {
    }

    public static <T> List<T> copyOrNull(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static <T> List<T> copyOrEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
