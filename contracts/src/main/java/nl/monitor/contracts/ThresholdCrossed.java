package nl.monitor.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.scoring.Band;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code threshold-crossed}: a municipality's score moved across a threshold, or (v2) a figure of an indicator moved
 * across a coordinator's threshold on it (both published by the scoring-service).
 * <p>
 * <b>A score's crossing</b> (v1, and the first form of v2): {@code municipality}, {@code newScore}, {@code newBand},
 * {@code scoreEventId} and {@code submissionId} are set, {@code indicator} is null. A municipality whose first score
 * is already below a threshold crosses it downwards ({@code previousScore} null); {@link Direction#DOWN} fires.
 * <p>
 * <b>An indicator's crossing</b> (v2 only, {@link EventType#THRESHOLD_CROSSED_V2}): {@code indicator} says which
 * indicator, area, period and breakdown, the coordinator's threshold, the value and the previous one; the score's
 * {@code threshold} is null and left out (the indicator's threshold is {@link IndicatorCrossing#threshold}, so the
 * scope enum that REST clients know stays as it was); {@code direction} is the way the value moved, and whether that fires or resolves
 * depends on the threshold's {@link IndicatorCrossing#alertWhen}; {@code municipality} is set only for a municipality's
 * figure (a region's has none); the score fields are null and left out of the JSON.
 * <p>
 * <b>A municipality's own target</b> (v3 only, {@link EventType#THRESHOLD_CROSSED_V3}, {@link #ofTarget}):
 * {@code target} says which goal or indicator, the target's year and value and the result; {@code direction}
 * {@code DOWN} fires (missed), {@code UP} resolves (met, or withdrawn from the plan); no score or indicator fields.
 *
 * @param scoreEventId         the id of the {@code score-computed} event this crossing came from
 * @param questionnaireVersion the questionnaire the scored submission answered (its goal numbers and titles); null in
 *                             events published before it was carried
 * @param indicator            the indicator's crossing; null for a score's
 * @param target               a municipality's result against its own target; null otherwise
 */
public record ThresholdCrossed(UUID crossingId, @JsonInclude(JsonInclude.Include.NON_NULL) String municipality,
                               String region, int year, @JsonInclude(JsonInclude.Include.NON_NULL) Threshold threshold,
                               Direction direction, Double previousScore,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double newScore, Band previousBand,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Band newBand,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String scoreEventId,
                               @JsonInclude(JsonInclude.Include.NON_NULL) UUID submissionId, Instant occurredAt,
                               Integer questionnaireVersion,
                               @JsonInclude(JsonInclude.Include.NON_NULL) IndicatorCrossing indicator,
                               @JsonInclude(JsonInclude.Include.NON_NULL) TargetCrossing target) {

    /** A score's crossing (v1). */
    public ThresholdCrossed(UUID crossingId, String municipality, String region, int year, Threshold threshold,
                            Direction direction, Double previousScore, double newScore, Band previousBand,
                            Band newBand, String scoreEventId, UUID submissionId, Instant occurredAt,
                            Integer questionnaireVersion) {
        this(crossingId, municipality, region, year, threshold, direction, previousScore, Double.valueOf(newScore),
                previousBand, newBand, scoreEventId, submissionId, occurredAt, questionnaireVersion, null, null);
    }

    /** An indicator's crossing (v2): keyed like its figure, {@code year} the period's year. */
    public static ThresholdCrossed ofIndicator(UUID crossingId, String region, Direction direction,
                                               IndicatorCrossing indicator, Instant occurredAt) {
        String municipality = indicator.level() == AreaLevel.MUNICIPALITY ? indicator.area() : null;
        int year = Integer.parseInt(indicator.period().substring(0, 4));
        return new ThresholdCrossed(crossingId, municipality, region, year, null, direction, null, null, null, null,
                null, null, occurredAt, null, indicator, null);
    }

    /**
     * A municipality's own target (v3): {@code year} the target's year, {@code direction} {@code DOWN} when it is
     * missed (fires) and {@code UP} when it is met again or withdrawn (resolves); {@code questionnaireVersion} the
     * questionnaire the scored submission answered, for a goal's target (null for an indicator's).
     */
    public static ThresholdCrossed ofTarget(UUID crossingId, String municipality, String region,
                                            Integer questionnaireVersion, TargetCrossing target, Instant occurredAt) {
        Direction direction = target.status() == TargetStatus.MISSED ? Direction.DOWN : Direction.UP;
        return new ThresholdCrossed(crossingId, municipality, region, target.year(), null, direction, null, null,
                null, null, null, null, occurredAt, questionnaireVersion, null, target);
    }

    /** Whether this crossing opens an alert (rather than resolving one). */
    public boolean firing() {
        if (target != null) {
            return target.status() == TargetStatus.MISSED;
        }
        return indicator == null ? direction == Direction.DOWN : indicator.firing(direction);
    }

    /**
     * The event type that carries it: v1 for a score's crossing (unchanged for its consumers), v2 for an indicator's,
     * v3 for a municipality's own target.
     */
    public EventType eventType() {
        if (target != null) {
            return EventType.THRESHOLD_CROSSED_V3;
        }
        return indicator == null ? EventType.THRESHOLD_CROSSED : EventType.THRESHOLD_CROSSED_V2;
    }

    /** The Kafka key and CloudEvents subject: the municipality, or the figure's area key for an indicator's. */
    public String key() {
        return indicator == null ? municipality : IndicatorRecorded.keyOf(indicator.level(), indicator.area());
    }

    /** Which way the score moved across the threshold. */
    public enum Direction {
        DOWN,
        UP
    }

    /**
     * A threshold on the municipality's total ({@code goal} null) or on one goal's score.
     */
    public record Threshold(Scope scope, Integer goal, double value) {

        public enum Scope {
            TOTAL,
            GOAL
        }

        public static Threshold total(double value) {
            return new Threshold(Scope.TOTAL, null, value);
        }

        public static Threshold goal(int goal, double value) {
            return new Threshold(Scope.GOAL, goal, value);
        }
    }

    /** Which side of an indicator threshold alerts: a value above it (repeat reports above 12 %), or below it. */
    public enum AlertWhen {
        ABOVE,
        BELOW
    }

    /**
     * An indicator figure's crossing of a coordinator's threshold.
     *
     * @param thresholdId         the coordinator's threshold (scoring-service {@code /api/indicator-thresholds})
     * @param indicator           the indicator's id in {@code indicatorSetVersion}
     * @param period              {@code YYYY} or {@code YYYY-Qn}
     * @param level               the kind of area
     * @param area                a municipality code or a Veilig Thuis region (national figures have no coordinator)
     * @param breakdown           dimension id to value id, as the figure's (empty: the total)
     * @param threshold           the threshold's value, in the indicator's unit
     * @param alertWhen           which side of it alerts
     * @param value               the figure now
     * @param previousValue       the figure the area stood at before (its latest earlier period, or the version this
     *                            one corrects); null when there was none
     * @param previousPeriod      the period of {@code previousValue}; null with it
     * @param figureId            the stored figure (its version) that crossed
     * @param figureVersion       its version (a correction is the next)
     * @param indicatorEventId    the id of the {@code indicator-recorded} event it came from
     */
    public record IndicatorCrossing(UUID thresholdId, String indicator, int indicatorSetVersion, String period,
                                    AreaLevel level, String area, Map<String, String> breakdown, BigDecimal threshold,
                                    AlertWhen alertWhen, BigDecimal value, BigDecimal previousValue,
                                    String previousPeriod, UUID figureId, int figureVersion,
                                    String indicatorEventId) {

        public IndicatorCrossing {
            breakdown = breakdown == null ? Map.of() : new TreeMap<>(breakdown);
        }

        /** A value moving up fires a threshold that alerts above it, and resolves one that alerts below it. */
        public boolean firing(Direction direction) {
            return (direction == Direction.UP) == (alertWhen == AlertWhen.ABOVE);
        }
    }

    /** What a municipality's own target is about: a goal's score, or a municipal indicator's figure. */
    public enum TargetKind {
        GOAL,
        INDICATOR
    }

    /**
     * Where a municipality stands against its own target in the target's year: {@code MISSED} fires; {@code MET} (a
     * correction, a later submission or a new plan) and {@code WITHDRAWN} (a new plan without that target) resolve.
     */
    public enum TargetStatus {
        MISSED,
        MET,
        WITHDRAWN
    }

    /**
     * A municipality's result against a target of its own plan ({@code municipal-plan-published}), in the target's
     * year.
     *
     * @param kind                what the target is about
     * @param goal                the goal (a goal's target); null for an indicator's
     * @param indicator           the municipal indicator's id (an indicator's target); null for a goal's
     * @param indicatorSetVersion the indicator set the plan's targets were checked against; null for a goal's
     * @param breakdown           the indicator's breakdown (dimension id to value id; empty: the total, and a goal's)
     * @param year                the target's year
     * @param target              the value to reach by then (a goal score 0-100, or a figure in the indicator's unit)
     * @param better              which way meets it: {@code HIGHER} for a goal score, the indicator's direction of
     *                            better for a figure (a result equal to the target meets it)
     * @param result              the year's result (the goal's score of the current submission of that wave, or the
     *                            figure's latest version); on {@code WITHDRAWN} the last one evaluated
     * @param previousResult      the result the target was last evaluated against; null when none
     * @param status              see {@link TargetStatus}
     * @param planId              the stored plan version whose target it is
     * @param planVersion         its version
     * @param submissionId        a goal's result: the scored submission; else null
     * @param figureId            an indicator's result: the figure version; else null
     * @param figureVersion       its version; else null
     * @param sourceEventId       the event whose arrival made the evaluation: score-computed, indicator-recorded or
     *                            municipal-plan-published
     */
    public record TargetCrossing(TargetKind kind, Integer goal, String indicator, Integer indicatorSetVersion,
                                 Map<String, String> breakdown, int year, BigDecimal target,
                                 Better better, BigDecimal result,
                                 BigDecimal previousResult, TargetStatus status, UUID planId, int planVersion,
                                 UUID submissionId, UUID figureId, Integer figureVersion, String sourceEventId) {

        public TargetCrossing {
            breakdown = breakdown == null ? Map.of() : new TreeMap<>(breakdown);
        }
    }
}
