package nl.monitor.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code notification.digest.*}: when the daily digest goes out. */
@ConfigMapping(prefix = "notification.digest")
public interface DigestConfig {

    /** The time of day, e.g. 07:00. */
    @WithDefault("07:00")
    String at();

    /** The time zone of {@code at}. */
    @WithDefault("Europe/Amsterdam")
    String zone();
}
