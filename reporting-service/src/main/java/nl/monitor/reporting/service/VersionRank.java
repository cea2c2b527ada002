package nl.monitor.reporting.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * Which of two versions of a municipality's assessment (or score) of a year is the newer: by version, then rules
 * version (0 where there are none), then the moment it was made, to the microsecond the database keeps. Equal ranks
 * count as newer, as the read model's upserts do ({@code >=}): the later one arrived wins.
 */
public record VersionRank(int version, int rulesVersion, Instant at) implements Comparable<VersionRank> {

    private static final Comparator<VersionRank> ORDER = Comparator.comparingInt(VersionRank::version)
            .thenComparingInt(VersionRank::rulesVersion).thenComparing(VersionRank::at);

    public VersionRank {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public int compareTo(VersionRank other) {
        return ORDER.compare(this, other);
    }

    /** Whether a version of this rank replaces one of rank {@code current}. */
    public boolean replaces(VersionRank current) {
        return compareTo(current) >= 0;
    }
}
