package nl.monitor.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code notification.stream.*}: how many Server-Sent Events connections (alert feeds and subscription streams
 * together) an instance keeps open, per caller and in all; one more is refused with 429.
 */
@ConfigMapping(prefix = "notification.stream")
public interface StreamConfig {

    /** Open streams one caller (a token's {@code sub}) may have on this instance. */
    @WithDefault("3")
    int maxPerCaller();

    /** Open streams on this instance, all callers together. */
    @WithDefault("200")
    int maxTotal();
}
