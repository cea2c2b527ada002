package nl.monitor.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The campaigns of the waves: when invitations and reminders go out, what they link to, how sending is bounded. */
@ConfigMapping(prefix = "survey.campaign")
public interface CampaignConfig {

    /** How often each instance runs a round ({@code 5m}); {@code off} runs none (the admin may still run one). */
    @WithDefault("5m")
    String every();

    /**
     * When the reminders are due, as durations after the wave's {@code openFrom} (default {@code P14D,P28D}: two
     * reminders, after two and after four weeks). A reminder due at or after the wave's {@code openUntil} is never sent.
     */
    @WithDefault("P14D,P28D")
    List<Duration> reminders();

    /** The questionnaire web app as the respondents reach it; the mails link to it with the municipality and year. */
    @WithDefault("http://localhost:8081/vragenlijst/")
    String questionnaireUrl();

    /** The time zone the deadline is written in. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    /** How long one mail may take to be accepted; after that it counts as UNCERTAIN and is not sent again. */
    @WithDefault("30s")
    Duration sendTimeout();

    /**
     * A claim still SENDING after this long belongs to an instance that stopped mid-send: it becomes UNCERTAIN. Keep it
     * well above {@link #sendTimeout()}.
     */
    @WithDefault("5m")
    Duration claimTimeout();

    /** The most contacts one municipality may have. */
    @WithDefault("10")
    int maxContactsPerMunicipality();
}
