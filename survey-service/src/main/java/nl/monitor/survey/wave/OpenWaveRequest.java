package nl.monitor.survey.wave;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(description = "A wave to open")
public record OpenWaveRequest(
        @Schema(required = true, examples = "2017") Integer year,
        @Schema(required = true, examples = "1", description = "The questionnaire version respondents answer")
        Integer questionnaireVersion,
        @Schema(required = true, examples = "1", description = "The scoring rules version it is scored with")
        Integer rulesVersion,
        @Schema(required = true, examples = "2017-03-01T00:00:00+01:00") OffsetDateTime openFrom,
        @Schema(required = true, examples = "2017-06-01T00:00:00+02:00", description = "Exclusive")
        OffsetDateTime openUntil,
        @Schema(examples = "2017", description = "The municipal division (1 January of that year) the wave invites; "
                + "by default the one reference-data's MunicipalityDivisions.forYear picks (2014 -> 2013)")
        Integer divisionYear) {
}
