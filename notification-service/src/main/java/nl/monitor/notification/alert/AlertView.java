package nl.monitor.notification.alert;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.scoring.Band;
import nl.monitor.notification.Alert;
import nl.monitor.notification.AlertState;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as the API shows it: the crossing, its scores, and the submission and score-computed event it came from;
 * its state (OPEN until the municipality comes back up, then RESOLVED with resolvedAt), and on a resolved notice the
 * alert it resolves.
 */
public record AlertView(UUID id, UUID crossingId, String type, String municipality, String municipalityName,
                        String region, int year, ThresholdCrossed.Threshold threshold,
                        ThresholdCrossed.Direction direction, Double previousScore, double newScore,
                        Band previousBand, Band newBand, UUID submissionId, String scoreEventId, Instant occurredAt,
                        Instant receivedAt, AlertState state, Instant resolvedAt, UUID resolvesAlertId) {

    public static AlertView of(Alert a) {
        return new AlertView(a.id, a.crossingId, a.type, a.municipality, a.municipalityName, a.region, a.year,
                a.threshold(), a.direction, a.previousScore, a.newScore, a.previousBand, a.newBand, a.submissionId,
                a.scoreEventId, a.occurredAt, a.receivedAt, a.state, a.resolvedAt, a.resolvesAlertId);
    }
}
