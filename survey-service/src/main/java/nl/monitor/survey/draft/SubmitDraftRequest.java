package nl.monitor.survey.draft;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** "Indienen": submit the saved draft of this version as the next submission version. */
public record SubmitDraftRequest(@Schema(examples = "3", required = true) Integer version) {
}
