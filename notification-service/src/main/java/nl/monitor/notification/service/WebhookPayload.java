package nl.monitor.notification.service;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.scoring.Band;
import nl.monitor.notification.Alert;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON body of a webhook call. {@code previousScore} and {@code previousBand} are null when the crossing came
 * with the municipality's first score.
 *
 * @param deliveryId the same as the {@code webhook-id} header; stable across retries, so receivers can deduplicate
 * @param type       {@code threshold-crossed}
 */
@Schema(description = "The body of a webhook call about a threshold crossing")
public record WebhookPayload(UUID deliveryId, UUID alertId, String type, String municipality,
                             String municipalityName, String region, int year, ThresholdCrossed.Threshold threshold,
                             ThresholdCrossed.Direction direction, Double previousScore, double newScore,
                             Band previousBand, Band newBand, UUID submissionId, Instant occurredAt) {

    public static WebhookPayload of(UUID deliveryId, Alert alert) {
        return new WebhookPayload(deliveryId, alert.id, alert.type, alert.municipality, alert.municipalityName,
                alert.region, alert.year, alert.threshold(), alert.direction, alert.previousScore, alert.newScore,
                alert.previousBand, alert.newBand, alert.submissionId, alert.occurredAt);
    }
}
