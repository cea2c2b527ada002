package nl.monitor.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How waves govern submissions. */
@ConfigMapping(prefix = "survey.waves")
public interface WavesConfig {

    /** What a year no wave was ever opened for does with submissions, drafts and imports. */
    enum YearsWithoutWave {
        /** Accepted as before waves existed: the installs, demo data and tests that predate waves keep working. */
        OPEN,
        /** Refused (409); an import needs a wave (open or closed) for its year. The strict setting for production. */
        CLOSED
    }

    /** {@code open} (default) or {@code closed}; env {@code SURVEY_WAVES_YEARS_WITHOUT_WAVE}. */
    @WithDefault("open")
    YearsWithoutWave yearsWithoutWave();
}
