package nl.monitor.survey.wave;

import nl.monitor.survey.Wave;

import java.time.Instant;

/** A wave as the admin API shows it; {@code acceptingNow} says whether submissions and drafts are taken now. */
public record WaveView(int year, int questionnaireVersion, int rulesVersion, int divisionYear, int invited,
                       Instant openFrom, Instant openUntil, Wave.Status status, boolean acceptingNow, Instant openedAt,
                       String openedBy, Instant closedAt, String closedBy, Instant reopenedAt, String reopenedBy,
                       String reopenReason, int reopenCount) {
}
