package nl.monitor.survey.service;

import java.time.Instant;
import java.util.UUID;

/** One line of a municipality's submission list. */
public record SubmissionSummary(UUID id, int year, int version, boolean current, int questionnaireVersion,
                                int goalsAnswered, Instant submittedAt, String submittedBy) {
}
