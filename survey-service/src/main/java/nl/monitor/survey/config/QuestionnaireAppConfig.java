package nl.monitor.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the questionnaire web app needs to know about the rest of the platform. */
@ConfigMapping(prefix = "survey.questionnaire-app")
public interface QuestionnaireAppConfig {

    /** The reporting-service as the respondent's browser reaches it: peers' measures, official score, the card. */
    @WithDefault("http://localhost:8083")
    String reportingUrl();

    /** How long the page waits for the official score after "Indienen" before it says it will follow. */
    @WithDefault("60")
    int officialScoreWaitSeconds();
}
