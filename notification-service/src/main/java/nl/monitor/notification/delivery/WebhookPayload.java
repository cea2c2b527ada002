package nl.monitor.notification.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.notification.IndicatorAlert;
import nl.monitor.notification.TargetAlert;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.scoring.Band;
import nl.monitor.notification.Alert;
import nl.monitor.notification.AlertState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON body of a webhook call. {@code previousScore} and {@code previousBand} are null when the crossing came
 * with the municipality's first score.
 *
 * @param deliveryId the same as the {@code webhook-id} header; stable across retries, so receivers can deduplicate
 * @param type            {@code threshold-crossed} (the municipality went below a threshold, or came back up without
 *                        an open alert), or {@code resolved} (it came back up: the alert {@code resolvesAlertId} ends)
 * @param status          {@code firing} or {@code resolved}, as Alertmanager says it
 * @param resolvesAlertId on a resolved notice, the alert it resolves (the {@code alertId} of the earlier call)
 * @param questionnaireVersion the questionnaire the scored submission answered (the goal numbers and titles of the
 *                        wave); null for alerts of events published before it was carried
 * @param indicator       on an alert on an indicator figure: which indicator (Dutch title), area, period, breakdown,
 *                        threshold, value and previous value; the score fields are then null. Left out of a score's
 *                        alert, whose body stays as it was
 * @param target          on an alert on a municipality's own target (v3): goal or indicator, its Dutch title, the
 *                        target's year and value, the result, and {@code MISSED}, {@code MET} or {@code WITHDRAWN};
 *                        the score and indicator fields are then null. Left out of every other alert
 */
@Schema(description = "The body of a webhook call about a threshold crossing")
public record WebhookPayload(UUID deliveryId, UUID alertId, String type, String municipality,
                             String municipalityName, String region, int year, ThresholdCrossed.Threshold threshold,
                             ThresholdCrossed.Direction direction, Double previousScore, Double newScore,
                             Band previousBand, Band newBand, UUID submissionId, Instant occurredAt, String status,
                             UUID resolvesAlertId, Integer questionnaireVersion,
                             @JsonInclude(JsonInclude.Include.NON_NULL) IndicatorAlert indicator,
                             @JsonInclude(JsonInclude.Include.NON_NULL) TargetAlert target) {

    /** A score's alert. */
    public WebhookPayload(UUID deliveryId, UUID alertId, String type, String municipality, String municipalityName,
                          String region, int year, ThresholdCrossed.Threshold threshold,
                          ThresholdCrossed.Direction direction, Double previousScore, double newScore,
                          Band previousBand, Band newBand, UUID submissionId, Instant occurredAt, String status,
                          UUID resolvesAlertId, Integer questionnaireVersion) {
        this(deliveryId, alertId, type, municipality, municipalityName, region, year, threshold, direction,
                previousScore, Double.valueOf(newScore), previousBand, newBand, submissionId, occurredAt, status,
                resolvesAlertId, questionnaireVersion, null, null);
    }

    /** An indicator's alert. */
    public WebhookPayload(UUID deliveryId, UUID alertId, String type, String municipality, String municipalityName,
                          String region, int year, ThresholdCrossed.Threshold threshold,
                          ThresholdCrossed.Direction direction, Double previousScore, Double newScore,
                          Band previousBand, Band newBand, UUID submissionId, Instant occurredAt, String status,
                          UUID resolvesAlertId, Integer questionnaireVersion, IndicatorAlert indicator) {
        this(deliveryId, alertId, type, municipality, municipalityName, region, year, threshold, direction,
                previousScore, newScore, previousBand, newBand, submissionId, occurredAt, status, resolvesAlertId,
                questionnaireVersion, indicator, null);
    }

    public static WebhookPayload of(UUID deliveryId, Alert alert) {
        return new WebhookPayload(deliveryId, alert.id, alert.type, alert.municipality, alert.municipalityName,
                alert.region, alert.year, alert.threshold(), alert.direction, alert.previousScore, alert.newScore,
                alert.previousBand, alert.newBand, alert.submissionId, alert.occurredAt,
                alert.state == AlertState.OPEN ? "firing" : "resolved", alert.resolvesAlertId,
                alert.questionnaireVersion, alert.indicator, alert.target);
    }
}
