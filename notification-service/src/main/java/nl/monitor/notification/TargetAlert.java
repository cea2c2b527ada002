package nl.monitor.notification;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.TargetKind;
import nl.monitor.contracts.ThresholdCrossed.TargetStatus;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.indicator.Indicator;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.indicator.Unit;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What an alert on a municipality's own target says (threshold-crossed v3): which goal (its number and Dutch title in
 * the questionnaire the wave answered) or municipal indicator (Dutch title, unit and breakdown), the target's year and
 * value, the direction that meets it, the result, and whether it is missed, met again or taken out of the plan.
 *
 * @param title          the goal's title in the wave's questionnaire, or the indicator's
 * @param unit           the indicator's unit; null for a goal (a score in points)
 * @param breakdownLabel the indicator's breakdown in Dutch, "totaal" without one; null for a goal
 */
@Schema(description = "A municipality's result against a target of its own plan: null on other alerts")
public record TargetAlert(TargetKind kind, Integer goal, String indicator, String title, Unit unit,
                          Integer indicatorSetVersion, Map<String, String> breakdown, String breakdownLabel, int year,
                          BigDecimal target, Better better, BigDecimal result, BigDecimal previousResult,
                          TargetStatus status, UUID planId, int planVersion, UUID submissionId, UUID figureId,
                          Integer figureVersion, String sourceEventId) {

    public TargetAlert {
        breakdown = breakdown == null ? Map.of() : new TreeMap<>(breakdown);
    }

    /**
     * The alert's part of a crossing, named in Dutch: a goal by the questionnaire the scored submission answered (the
     * latest when unknown), an indicator by the set the plan was checked against.
     */
    public static TargetAlert of(ThresholdCrossed.TargetCrossing c, Integer questionnaireVersion) {
        String title;
        Unit unit = null;
        String breakdownLabel = null;
        if (c.kind() == TargetKind.GOAL) {
            Questionnaire questionnaire = questionnaireVersion != null && Questionnaires.exists(questionnaireVersion)
                    ? Questionnaires.version(questionnaireVersion) : Questionnaires.latest();
            title = questionnaire.goal(c.goal()).map(Goal::title).orElse(null);
        } else {
            IndicatorSet set = IndicatorAlert.setOf(c.indicatorSetVersion() == null ? 0 : c.indicatorSetVersion());
            Optional<Indicator> indicator = set.indicator(c.indicator());
            title = indicator.map(Indicator::title).orElse(c.indicator());
            unit = indicator.map(Indicator::unit).orElse(null);
            breakdownLabel = IndicatorAlert.breakdownLabel(set, c.breakdown());
        }
        return new TargetAlert(c.kind(), c.goal(), c.indicator(), title, unit, c.indicatorSetVersion(), c.breakdown(),
                breakdownLabel, c.year(), c.target(), c.better(), c.result(), c.previousResult(), c.status(),
                c.planId(), c.planVersion(), c.submissionId(), c.figureId(), c.figureVersion(), c.sourceEventId());
    }

    /** The series whose open alert a met (or withdrawn) target resolves: municipality, goal or indicator, year. */
    public String series(String municipality) {
        String what = kind == TargetKind.GOAL ? "goal:" + goal : "indicator:" + indicator + "|"
                + String.join(";", breakdown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return municipality + "/" + what + "/" + year;
    }
}
