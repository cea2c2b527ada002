package nl.monitor.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code reporting.suppression.*}: small-cell suppression for respondents and coordinators. */
@ConfigMapping(prefix = "reporting.suppression")
public interface SuppressionConfig {

    /**
     * The fewest municipalities an aggregate on a region or size-class filter must cover to be shown to respondents
     * and coordinators (k); analysts and admins always see it.
     */
    @WithDefault("3")
    int minMunicipalities();

    /**
     * The smallest count of an indicator (advice requests, reports, …) of a region or municipality shown to callers
     * other than an administrator, the region's coordinator and the municipality's respondent; a count of 0 is shown.
     */
    @WithDefault("10")
    int minCount();
}
