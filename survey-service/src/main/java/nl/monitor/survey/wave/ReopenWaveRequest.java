package nl.monitor.survey.wave;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(description = "Reopening a closed wave: explicit, with a reason, and audited")
public record ReopenWaveRequest(
        @Schema(required = true, examples = "Two municipalities of Fryslân asked for a week more") String reason,
        @Schema(examples = "2017-06-15T00:00:00+02:00",
                description = "A new end of the window; required when the old one has passed")
        OffsetDateTime openUntil) {
}
