package nl.monitor.survey.draft;

import nl.monitor.survey.service.SubmissionView;

/** The outcome of "Indienen": the stored submission and the draft it came from. */
public record DraftSubmitted(SubmissionView submission, DraftView draft) {
}
