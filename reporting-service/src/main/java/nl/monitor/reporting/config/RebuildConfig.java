package nl.monitor.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code reporting.rebuild.*}: how a rebuild of the read model reads the topic, and whether one runs at start-up. */
@ConfigMapping(prefix = "reporting.rebuild")
public interface RebuildConfig {

    /** How long a rebuild may take to read the topic up to the end offsets captured at its start. */
    @WithDefault("10m")
    Duration timeout();

    /**
     * Rebuild the read models from the topics when the service starts (e.g. after a projection changed, or to
     * recover a damaged read model); the service reports itself not ready until the rebuild is done.
     */
    @WithDefault("false")
    boolean onStart();

    /**
     * How many municipality-years a rebuild holds the newest version of (decoded, in memory) before it writes them:
     * a version superseded before that is never written. Each held submission takes some 20-30 KB of heap.
     */
    @WithDefault("1000")
    int heldVersions();
}
