package nl.monitor.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.TargetCrossing;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.plan.MunicipalPlan.GoalTarget;
import nl.monitor.domain.plan.MunicipalPlan.IndicatorTarget;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality's own targets over the real broker and database: the scoring-service consumes its plan
 * (municipal-plan-published), holds its goal scores and municipal figures of a target's year against them, and
 * publishes threshold-crossed v3 when one is missed — once — and when it is met again or taken out of the plan; a
 * redelivered submission, figure or plan, a later submission with the same result and an older plan arriving late
 * raise nothing. Years 2076-2077 and Hoogeveen (GM0118) and Meppel (GM0119) are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class OwnTargetTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Map<String, String> SEXUAL_ABUSE = Map.of("abuse-type", "sexual-abuse");
    private static final String REPEAT_REPORTS = "vt-repeat-reports";
    private final EventCodec codec = new EventCodec();
    private TopicReader crossed;
    private TopicReader computed;

    @BeforeEach
    void readTopics() {
        crossed = new TopicReader(EventType.THRESHOLD_CROSSED.topic());
        computed = new TopicReader(EventType.SCORE_COMPUTED.topic());
    }

    @AfterEach
    void closeReaders() {
        crossed.close();
        computed.close();
    }

    private CloudEvent<MunicipalPlanPublished> plan(String municipality, int version, List<GoalTarget> goals,
                                                   List<IndicatorTarget> indicators) {
        MunicipalPlanPublished plan = new MunicipalPlanPublished(UUID.randomUUID(), municipality, version, goals,
                indicators, List.of(), 1, Instant.now(), "respondent-" + municipality.toLowerCase());
        CloudEvent<MunicipalPlanPublished> event = CloudEvent.of(EventType.MUNICIPAL_PLAN_PUBLISHED,
                "/survey-service", municipality, plan);
        send(EventType.MUNICIPAL_PLAN_PUBLISHED, municipality, codec.encode(event));
        return event;
    }

    private String submit(String municipality, int year, int version, List<GoalAnswer> goals) {
        CloudEvent<SurveySubmitted> event = CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", municipality,
                new SurveySubmitted(UUID.randomUUID(), municipality, year, 1, version, Instant.now(), goals, null));
        String json = codec.encode(event);
        send(EventType.SURVEY_SUBMITTED, municipality, json);
        return json;
    }

    private String figure(String municipality, int year, String value, int version) {
        IndicatorRecorded figure = new IndicatorRecorded(UUID.randomUUID(), REPEAT_REPORTS, 1, Integer.toString(year),
                AreaLevel.MUNICIPALITY, municipality, SEXUAL_ABUSE, new BigDecimal(value), version, Instant.now(),
                "respondent-" + municipality.toLowerCase());
        String json = codec.encode(CloudEvent.of(EventType.INDICATOR_RECORDED, "/survey-service", figure.key(),
                figure));
        send(EventType.INDICATOR_RECORDED, municipality, json);
        return json;
    }

    private static void send(EventType type, String key, String json) {
        EventPublisher.shared().send(type.topic(), key, json);
    }

    /** The target crossings of the municipality so far, once at least {@code count} arrived, in order. */
    private List<ThresholdCrossed> targetCrossings(String municipality, int count) {
        return crossed.await(r -> r.key().equals(municipality) && r.value().contains("threshold-crossed.v3"), count,
                        DEADLINE).stream()
                .map(r -> codec.<ThresholdCrossed>decode(r.value(), EventType.THRESHOLD_CROSSED).data()).toList();
    }

    private static String describe(ThresholdCrossed crossing) {
        TargetCrossing t = crossing.target();
        String what = t.kind() == ThresholdCrossed.TargetKind.GOAL ? "goal " + t.goal() : t.indicator();
        return t.status() + " " + what + " " + t.year() + ": " + plain(t.result()) + " against "
                + plain(t.target()) + " (was " + plain(t.previousResult()) + ") " + crossing.direction();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    private void awaitScore(String municipality, int version) {
        computed.await(r -> r.key().equals(municipality) && r.value().contains("\"year\":2076")
                && r.value().contains("\"submissionVersion\":" + version), 1, DEADLINE);
    }

    @Test
    void a_missed_target_is_published_once_and_met_again_or_withdrawn_resolves_it() {
        String hoogeveen = "GM0118";
        plan(hoogeveen, 1, List.of(new GoalTarget(1, 2076, new BigDecimal("80")),
                        new GoalTarget(10, 2076, new BigDecimal("55"))),
                List.of(new IndicatorTarget(REPEAT_REPORTS, 2076, SEXUAL_ABUSE, new BigDecimal("12.5"))));

        String submission = submit(hoogeveen, 2076, 1, Answers.orange());            // goal 1 72.5, goal 10 0
        targetCrossings(hoogeveen, 2);
        String first = figure(hoogeveen, 2076, "14.5", 1);                            // lower is better: missed
        targetCrossings(hoogeveen, 3);

        send(EventType.SURVEY_SUBMITTED, hoogeveen, submission);                     // redelivered: nothing
        send(EventType.INDICATOR_RECORDED, hoogeveen, first);                        // redelivered: nothing
        submit(hoogeveen, 2076, 2, Answers.orange());                                // the same result: nothing
        awaitScore(hoogeveen, 2);
        figure(hoogeveen, 2076, "11", 2);                                            // corrected: met
        targetCrossings(hoogeveen, 4);

        // goal 1's target lowered to 70 (met), goal 10's taken out (withdrawn), the figure's kept (met: quiet)
        plan(hoogeveen, 2, List.of(new GoalTarget(1, 2076, new BigDecimal("70"))),
                List.of(new IndicatorTarget(REPEAT_REPORTS, 2076, SEXUAL_ABUSE, new BigDecimal("12.5"))));
        targetCrossings(hoogeveen, 6);
        plan(hoogeveen, 1, List.of(new GoalTarget(1, 2076, new BigDecimal("99"))), List.of()); // older, late: nothing
        plan(hoogeveen, 3, List.of(new GoalTarget(1, 2076, new BigDecimal("70"))),            // figure's target 10
                List.of(new IndicatorTarget(REPEAT_REPORTS, 2076, SEXUAL_ABUSE, new BigDecimal("10"))));

        List<ThresholdCrossed> crossings = targetCrossings(hoogeveen, 7);
        assertThat(crossings).extracting(OwnTargetTest::describe).containsExactly(
                "MISSED goal 1 2076: 72.5 against 80 (was -) DOWN",
                "MISSED goal 10 2076: 0 against 55 (was -) DOWN",
                "MISSED vt-repeat-reports 2076: 14.5 against 12.5 (was -) DOWN",
                "MET vt-repeat-reports 2076: 11 against 12.5 (was 14.5) UP",
                "MET goal 1 2076: 72.5 against 70 (was 72.5) UP",
                "WITHDRAWN goal 10 2076: 0 against 55 (was 0) UP",
                "MISSED vt-repeat-reports 2076: 11 against 10 (was 11) DOWN");
        assertThat(crossings).extracting(ThresholdCrossed::firing)
                .containsExactly(true, true, true, false, false, false, true);

        ThresholdCrossed goal = crossings.get(0);
        assertThat(goal.municipality()).isEqualTo(hoogeveen);
        assertThat(goal.region()).isEqualTo("Drenthe");
        assertThat(goal.year()).isEqualTo(2076);
        assertThat(goal.questionnaireVersion()).isEqualTo(1);
        assertThat(goal.threshold()).isNull();
        assertThat(goal.indicator()).isNull();
        assertThat(goal.newScore()).isNull();
        assertThat(goal.target().better()).isEqualTo(Better.HIGHER);
        assertThat(goal.target().planVersion()).isEqualTo(1);
        assertThat(goal.target().submissionId()).isNotNull();
        ThresholdCrossed indicator = crossings.get(3);
        assertThat(indicator.target().better()).isEqualTo(Better.LOWER);
        assertThat(indicator.target().breakdown()).isEqualTo(SEXUAL_ABUSE);
        assertThat(indicator.target().figureVersion()).isEqualTo(2);
        assertThat(indicator.target().indicatorSetVersion()).isEqualTo(1);
        assertThat(indicator.questionnaireVersion()).isNull();
        assertThat(crossings.get(4).target().planVersion()).isEqualTo(2);
        assertThat(crossings.get(6).target().planVersion()).isEqualTo(3);
        assertThat(crossed.seen().stream().filter(r -> r.key().equals(hoogeveen))
                .map(ConsumerRecord::value).filter(v -> v.contains("\"target\":{")))
                .as("every target crossing is v3, and there are no more").hasSize(7)
                .allSatisfy(v -> assertThat(v).contains("\"type\":\"nl.monitor.threshold-crossed.v3\""));
    }

    @Test
    void a_plan_arriving_after_the_results_is_held_against_them_at_once() {
        String meppel = "GM0119";
        submit(meppel, 2077, 1, Answers.orange());
        computed.await(r -> r.key().equals(meppel) && r.value().contains("\"year\":2077"), 1, DEADLINE);
        figure(meppel, 2077, "20", 1);

        CloudEvent<MunicipalPlanPublished> plan = plan(meppel, 1, List.of(
                        new GoalTarget(1, 2077, new BigDecimal("60")),                  // met by 72.5: quiet
                        new GoalTarget(10, 2077, new BigDecimal("25")),                 // missed by 0
                        new GoalTarget(10, 2079, new BigDecimal("50"))),                // no result in 2079 yet
                List.of(new IndicatorTarget(REPEAT_REPORTS, 2077, SEXUAL_ABUSE, new BigDecimal("15"))));

        List<ThresholdCrossed> crossings = targetCrossings(meppel, 2);
        assertThat(crossings).extracting(OwnTargetTest::describe).containsExactlyInAnyOrder(
                "MISSED goal 10 2077: 0 against 25 (was -) DOWN",
                "MISSED vt-repeat-reports 2077: 20 against 15 (was -) DOWN");
        ThresholdCrossed goal = crossings.stream().filter(c -> c.target().goal() != null).findFirst().orElseThrow();
        assertThat(goal.target().sourceEventId()).as("the plan's arrival made it").isEqualTo(plan.id());
        assertThat(goal.target().planId()).isEqualTo(plan.data().planId());
    }
}
