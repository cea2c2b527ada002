package nl.monitor.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the dashboard needs to know about the rest of the platform. */
@ConfigMapping(prefix = "reporting.dashboard")
public interface DashboardConfig {

    /** The notification-service as the user's browser reaches it: the alerts, their live feed, the subscriptions. */
    @WithDefault("http://localhost:8084")
    String notificationUrl();

    /** The survey-service as the user's browser reaches it: the admin's waves, campaigns, dead letters, parked rows. */
    @WithDefault("http://localhost:8081")
    String surveyUrl();

    /** The scoring-service as the user's browser reaches it: the admin's dead letters and parked rows. */
    @WithDefault("http://localhost:8082")
    String scoringUrl();
}
