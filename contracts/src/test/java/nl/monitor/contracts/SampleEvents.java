package nl.monitor.contracts;

import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.assessment.SelfAssessmentGrades;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One filled-in event of each type, as the services publish them. */
final class SampleEvents {

    static final UUID SUBMISSION = UUID.fromString("7d1b9a52-3c5e-4f7a-9a43-0c1f0f5b8e11");
    static final Instant AT = Instant.parse("2017-11-02T10:15:30Z");

    private SampleEvents() {
    }

    static CloudEvent<SurveySubmitted> surveySubmitted() {
        GoalAnswer goal1 = new GoalAnswer(1,
                new BorgingAnswer(Inclusion.INCLUDED, true, List.of("regional-vision", "other"), "Collegeprogramma"),
                new InhoudAnswer(true, List.of(
                        new CategoryAnswer("subsidy-conditions", List.of(OptionAnswer.of("attention-officer"))),
                        new CategoryAnswer("chain-cooperation", List.of(new OptionAnswer("other", "Convenant"))),
                        new CategoryAnswer("programme-purchasing", List.of(OptionAnswer.of("not-in-policy"))),
                        new CategoryAnswer("own-action", List.of(OptionAnswer.of("not-in-policy")))), "Buurtvaders"),
                new BereikAnswer(true, ReachShare.MORE_THAN_HALF));
        GoalAnswer goal2 = new GoalAnswer(2, new BorgingAnswer(Inclusion.NOT_INCLUDED, false, List.of(), null),
                new InhoudAnswer(false, List.of(), null), new BereikAnswer(false, null));
        ExtraAnswers extras = new ExtraAnswers(List.of("family-crises"), List.of(), new SelfAssessmentGrades(5, 7, null),
                "somewhat", null, false, null, "yes");
        return CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", "GM0363",
                new SurveySubmitted(SUBMISSION, "GM0363", 2017, 1, 2, AT, List.of(goal1, goal2), extras));
    }

    static CloudEvent<ScoreComputed> scoreComputed() {
        return CloudEvent.of(EventType.SCORE_COMPUTED, "/scoring-service", "GM0363",
                new ScoreComputed(SUBMISSION, "GM0363", 2017, 2, 1, List.of(
                        new GoalScore(1, 25, 27.5, 20, 72.5, Band.ORANGE),
                        new GoalScore(2, 0, 0, 0, 0, Band.RED)), 36.25, 2, Band.ORANGE, AT));
    }

    static CloudEvent<ThresholdCrossed> thresholdCrossed() {
        return CloudEvent.of(EventType.THRESHOLD_CROSSED, "/scoring-service", "GM0363",
                new ThresholdCrossed(UUID.randomUUID(), "GM0363", "Amsterdam-Amstelland", 2017,
                        ThresholdCrossed.Threshold.total(25), ThresholdCrossed.Direction.DOWN, null, 12.5, null,
                        Band.RED, UUID.randomUUID().toString(), SUBMISSION, AT, 1));
    }

    static CloudEvent<AuditRecorded> auditRecorded() {
        return CloudEvent.of(EventType.AUDIT_RECORDED, "/survey-service", "GM0363",
                new AuditRecorded("submission.accepted", "submission/" + SUBMISSION, "GM0363", "respondent-gm0363",
                        List.of("respondent"), "10.0.0.7", "127.0.0.1", "survey-service", AT,
                        new java.util.LinkedHashMap<>(Map.of("year", "2017", "version", "2"))));
    }

    static CloudEvent<AuditRecorded> platformAuditRecorded() {
        return CloudEvent.of(EventType.AUDIT_RECORDED, "/reporting-service", AuditRecorded.PLATFORM,
                new AuditRecorded("read-model.rebuilt", "read-model", null, AuditRecorded.SYSTEM, List.of(), null,
                        null, "reporting-service", AT, Map.of()));
    }

    static CloudEvent<IndicatorRecorded> indicatorRecorded() {
        IndicatorRecorded figure = new IndicatorRecorded(UUID.fromString("0b6f3c2e-5d1a-4e8b-9f3c-2a7d4e6f8a10"),
                "vt-reports", 1, "2024-Q2", nl.monitor.domain.indicator.AreaLevel.REGION, "Groningen",
                Map.of("abuse-type", "sexual-abuse", "reporter", "citizen"), new java.math.BigDecimal("37"), 2, AT,
                "coordinator-groningen");
        return CloudEvent.of(EventType.INDICATOR_RECORDED, "/survey-service", figure.key(), figure);
    }

    static CloudEvent<ThresholdCrossed> indicatorThresholdCrossed() {
        ThresholdCrossed crossing = ThresholdCrossed.ofIndicator(UUID.fromString("5c0e2f4a-8b7d-4e1c-a3f2-9d6b1e0c7a44"),
                "Groningen", ThresholdCrossed.Direction.UP,
                new ThresholdCrossed.IndicatorCrossing(UUID.fromString("a1c3e5f7-2b4d-4f6a-8c0e-1d3f5a7b9c22"),
                        "vt-repeat-reports", 1, "2024", nl.monitor.domain.indicator.AreaLevel.REGION, "Groningen",
                        Map.of("abuse-type", "domestic-violence"), new java.math.BigDecimal("12"),
                        ThresholdCrossed.AlertWhen.ABOVE, new java.math.BigDecimal("14.5"),
                        new java.math.BigDecimal("11.2"), "2023", UUID.fromString("0b6f3c2e-5d1a-4e8b-9f3c-2a7d4e6f8a10"),
                        1, "7e0d1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e"), AT);
        return CloudEvent.of(EventType.THRESHOLD_CROSSED_V2, "/scoring-service", crossing.key(), crossing);
    }

    static CloudEvent<ThresholdCrossed> targetCrossed() {
        ThresholdCrossed crossing = ThresholdCrossed.ofTarget(UUID.fromString("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"),
                "GM0114", "Drenthe", 1, new ThresholdCrossed.TargetCrossing(ThresholdCrossed.TargetKind.GOAL, 1, null,
                        null, Map.of(), 2024, new java.math.BigDecimal("55"),
                        nl.monitor.domain.indicator.Better.HIGHER, new java.math.BigDecimal("42"), null,
                        ThresholdCrossed.TargetStatus.MISSED, UUID.fromString("4c2a8e1f-6b3d-4a5e-8f7c-1d2e3f4a5b60"),
                        2, SUBMISSION, null, null, "7e0d1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e"), AT);
        return CloudEvent.of(EventType.THRESHOLD_CROSSED_V3, "/scoring-service", crossing.key(), crossing);
    }

    static CloudEvent<ThresholdCrossed> indicatorTargetCrossed() {
        ThresholdCrossed crossing = ThresholdCrossed.ofTarget(UUID.fromString("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"),
                "GM0114", "Drenthe", null, new ThresholdCrossed.TargetCrossing(ThresholdCrossed.TargetKind.INDICATOR,
                        null, "vt-repeat-reports", 1, Map.of("abuse-type", "sexual-abuse"), 2024,
                        new java.math.BigDecimal("12.5"), nl.monitor.domain.indicator.Better.LOWER,
                        new java.math.BigDecimal("11"), new java.math.BigDecimal("14.5"),
                        ThresholdCrossed.TargetStatus.MET, UUID.fromString("4c2a8e1f-6b3d-4a5e-8f7c-1d2e3f4a5b60"), 2,
                        null, UUID.fromString("0b6f3c2e-5d1a-4e8b-9f3c-2a7d4e6f8a10"), 2,
                        "7e0d1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e"), AT);
        return CloudEvent.of(EventType.THRESHOLD_CROSSED_V3, "/scoring-service", crossing.key(), crossing);
    }

    static CloudEvent<MunicipalPlanPublished> municipalPlanPublished() {
        MunicipalPlanPublished plan = new MunicipalPlanPublished(
                UUID.fromString("4c2a8e1f-6b3d-4a5e-8f7c-1d2e3f4a5b60"), "GM0014", 3,
                List.of(new nl.monitor.domain.plan.MunicipalPlan.GoalTarget(1, 2027, new java.math.BigDecimal("70")),
                        new nl.monitor.domain.plan.MunicipalPlan.GoalTarget(3, 2029, new java.math.BigDecimal("82.5"))),
                List.of(new nl.monitor.domain.plan.MunicipalPlan.IndicatorTarget("vt-repeat-reports", 2028,
                        Map.of("abuse-type", "sexual-abuse"), new java.math.BigDecimal("12.5"))),
                List.of(new nl.monitor.domain.plan.MunicipalPlan.Action("Meldcode in elke subsidievoorwaarde", 2027),
                        new nl.monitor.domain.plan.MunicipalPlan.Action("Training voor de wijkteams", null)),
                1, AT, "respondent-gm0014");
        return CloudEvent.of(EventType.MUNICIPAL_PLAN_PUBLISHED, "/survey-service", plan.municipality(), plan);
    }
}
