package nl.monitor.notification.alert;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.scoring.Band;
import nl.monitor.notification.Alert;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.notification.AlertState;
import nl.monitor.notification.IndicatorAlert;
import nl.monitor.notification.TargetAlert;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as the API shows it: the crossing, its scores, and the submission and score-computed event it came from;
 * its state (OPEN until the municipality comes back up, then RESOLVED with resolvedAt), and on a resolved notice the
 * alert it resolves. An alert on an indicator figure (threshold-crossed v2) has no scores, bands, submission or
 * score-computed event, and {@code indicator} says what it is about; a score's alert has no {@code indicator}. An
 * alert on a municipality's own target (v3) has {@code target} instead (goal or indicator, year, target, result).
 */
public record AlertView(UUID id, UUID crossingId, String type, String municipality, String municipalityName,
                        String region, int year, ThresholdCrossed.Threshold threshold,
                        ThresholdCrossed.Direction direction, Double previousScore, Double newScore,
                        Band previousBand, Band newBand, UUID submissionId, String scoreEventId, Instant occurredAt,
                        Instant receivedAt, AlertState state, Instant resolvedAt, UUID resolvesAlertId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) IndicatorAlert indicator,
                        @JsonInclude(JsonInclude.Include.NON_NULL) TargetAlert target) {

    public static AlertView of(Alert a) {
        return new AlertView(a.id, a.crossingId, a.type, a.municipality, a.municipalityName, a.region, a.year,
                a.threshold(), a.direction, a.previousScore, a.newScore, a.previousBand, a.newBand, a.submissionId,
                a.scoreEventId, a.occurredAt, a.receivedAt, a.state, a.resolvedAt, a.resolvesAlertId, a.indicator,
                a.target);
    }
}
