package nl.monitor.scoring.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/** A coordinator's threshold on an indicator of the region, as created. */
@Schema(description = "A threshold on an indicator's figures in a Veilig Thuis region: the region's own figure and "
        + "those of its municipalities with exactly this breakdown")
public record IndicatorThresholdRequest(
        @Schema(examples = "Groningen", required = true, description = "the Veilig Thuis region") String region,
        @Schema(examples = "vt-repeat-reports", required = true, description = "an indicator id of the indicator set")
        String indicator,
        @Schema(description = "dimension id to value id, e.g. {\"abuse-type\": \"domestic-violence\"}; left out: the total")
        Map<String, String> breakdown,
        @Schema(examples = "12", required = true, description = "the threshold, in the indicator's unit") BigDecimal value,
        @Schema(examples = "ABOVE", required = true, enumeration = {"ABOVE", "BELOW"},
                description = "which side alerts: a figure strictly above (or below) the value") String alertWhen,
        @Schema(examples = "0", description = "hysteresis: once alerting, quiet again only at value - margin (ABOVE) or "
                + "value + margin (BELOW); default 0") BigDecimal margin,
        @Schema(description = "free text, at most 500 characters") String description) {
}
