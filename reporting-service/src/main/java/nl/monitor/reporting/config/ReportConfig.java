package nl.monitor.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code reporting.card.*}: the advice on a municipality card. */
@ConfigMapping(prefix = "reporting.card")
public interface ReportConfig {

    /** How many of its weakest goals the advice names. */
    @WithDefault("3")
    int adviceGoals();

    /** How many peer measures the advice lists per weak goal. */
    @WithDefault("3")
    int adviceMeasures();
}
