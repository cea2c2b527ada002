package nl.monitor.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final Map<EventType, Supplier<CloudEvent<?>>> SAMPLES = Map.of(
            EventType.THRESHOLD_CROSSED_V3, SampleEvents::targetCrossed,
            EventType.SURVEY_SUBMITTED, SampleEvents::surveySubmitted,
            EventType.SCORE_COMPUTED, SampleEvents::scoreComputed,
            EventType.THRESHOLD_CROSSED, SampleEvents::thresholdCrossed,
            EventType.THRESHOLD_CROSSED_V2, SampleEvents::indicatorThresholdCrossed,
            EventType.AUDIT_RECORDED, SampleEvents::auditRecorded,
            EventType.INDICATOR_RECORDED, SampleEvents::indicatorRecorded,
            EventType.MUNICIPAL_PLAN_PUBLISHED, SampleEvents::municipalPlanPublished);

    private final EventCodec codec = new EventCodec();

    private JsonNode json(CloudEvent<?> event) throws Exception {
        return codec.mapper().readTree(codec.encode(event));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_record_written_as_json_matches_the_schema_of_its_type(EventType type) throws Exception {
        CloudEvent<?> event = SAMPLES.get(type).get();

        assertThat(codec.schemaViolations(type, json(event))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_record_reads_back_equal(EventType type) {
        CloudEvent<?> event = SAMPLES.get(type).get();

        assertThat(codec.decode(codec.encode(event), type)).isEqualTo(event);
    }

    @Test
    void carries_the_cloudevents_attributes() throws Exception {
        JsonNode event = json(SampleEvents.surveySubmitted());

        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("nl.monitor.survey-submitted.v1");
        assertThat(event.get("subject").asText()).isEqualTo("GM0363");
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.get("dataschema").asText())
                .isEqualTo("https://schemas.monitor.nl/contracts/survey-submitted.v1.schema.json");
        assertThat(event.get("time").asText()).endsWith("Z");
        assertThat(event.at("/data/submittedAt").asText()).isEqualTo("2017-11-02T10:15:30Z");
    }

    @Test
    void the_schema_refuses_what_the_contract_forbids() throws Exception {
        ObjectNode event = (ObjectNode) json(SampleEvents.scoreComputed());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("municipality", "Amsterdam");
        data.put("totalScore", 101);
        data.remove("band");

        assertThat(codec.schemaViolations(EventType.SCORE_COMPUTED, event)).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("municipality"))
                .anySatisfy(m -> assertThat(m).contains("totalScore"))
                .anySatisfy(m -> assertThat(m).contains("band"));
    }

    @Test
    void goal_numbers_are_the_questionnaires_to_say_so_point_11_of_the_second_instrument_passes() throws Exception {
        ObjectNode submitted = (ObjectNode) json(SampleEvents.surveySubmitted());
        ((ObjectNode) submitted.at("/data/goals/0")).put("goal", 11);
        ((ObjectNode) submitted.get("data")).put("questionnaireVersion", 2);
        ObjectNode computed = (ObjectNode) json(SampleEvents.scoreComputed());
        ((ObjectNode) computed.at("/data/goals/0")).put("goal", 11);
        ((ObjectNode) computed.get("data")).put("goalsAnswered", 11);

        assertThat(codec.schemaViolations(EventType.SURVEY_SUBMITTED, submitted)).isEmpty();
        assertThat(codec.schemaViolations(EventType.SCORE_COMPUTED, computed)).isEmpty();
        ((ObjectNode) computed.at("/data/goals/0")).put("goal", 0);
        assertThat(codec.schemaViolations(EventType.SCORE_COMPUTED, computed)).singleElement()
                .satisfies(m -> assertThat(m).contains("goal"));
    }

    @Test
    void malformed_json_is_poison_with_its_reason() {
        assertThatThrownBy(() -> codec.decode("{\"specversion\": \"1.0\",", EventType.SURVEY_SUBMITTED))
                .isInstanceOf(PoisonEventException.class).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> codec.decode("", EventType.SURVEY_SUBMITTED))
                .isInstanceOf(PoisonEventException.class).hasMessage("empty record value");
        assertThatThrownBy(() -> codec.decode("[1, 2]", EventType.SURVEY_SUBMITTED))
                .isInstanceOf(PoisonEventException.class).hasMessage("record value is not a JSON object");
    }

    @Test
    void an_unknown_schema_version_or_another_type_is_poison() throws Exception {
        ObjectNode v2 = (ObjectNode) json(SampleEvents.surveySubmitted());
        v2.put("type", "nl.monitor.survey-submitted.v2");

        assertThatThrownBy(() -> codec.decode(v2.toString(), EventType.SURVEY_SUBMITTED))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("unknown event type or schema version: nl.monitor.survey-submitted.v2");
        assertThatThrownBy(() -> codec.decode(codec.encode(SampleEvents.scoreComputed()), EventType.SURVEY_SUBMITTED))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("expected nl.monitor.survey-submitted.v1");
    }

    @Test
    void an_event_breaking_its_schema_is_poison_naming_the_field() throws Exception {
        ObjectNode event = (ObjectNode) json(SampleEvents.surveySubmitted());
        ((ObjectNode) event.get("data")).put("year", "last year");

        assertThatThrownBy(() -> codec.decode(event.toString(), EventType.SURVEY_SUBMITTED))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("survey-submitted.v1.schema.json").hasMessageContaining("year");
    }

    @Test
    void each_type_has_its_topic_and_schema_file() {
        assertThat(EventType.values()).extracting(EventType::topic)
                .containsExactly("survey-submitted", "score-computed", "threshold-crossed", "threshold-crossed",
                        "threshold-crossed", "audit-recorded", "indicator-recorded", "municipal-plan-published");
        for (EventType type : EventType.values()) {
            assertThat(EventCodecTest.class.getResource("/contracts/" + type.schemaFile())).isNotNull();
        }
    }

    @Test
    void an_audit_entry_is_keyed_by_its_municipality_or_platform_and_a_domain_event_by_a_municipality_only()
            throws Exception {
        assertThat(codec.schemaViolations(EventType.AUDIT_RECORDED, json(SampleEvents.platformAuditRecorded())))
                .isEmpty();
        assertThat(SampleEvents.platformAuditRecorded().data().key()).isEqualTo("platform");
        assertThat(SampleEvents.auditRecorded().data().key()).isEqualTo("GM0363");

        ObjectNode audit = (ObjectNode) json(SampleEvents.auditRecorded());
        audit.put("subject", "wave/2017");
        ((ObjectNode) audit.get("data")).put("action", "Submission accepted");
        ((ObjectNode) audit.get("data")).remove("actor");
        assertThat(codec.schemaViolations(EventType.AUDIT_RECORDED, audit))
                .anySatisfy(m -> assertThat(m).contains("/subject"))
                .anySatisfy(m -> assertThat(m).contains("/data/action"))
                .anySatisfy(m -> assertThat(m).contains("actor"))
                .allSatisfy(m -> assertThat(m).containsAnyOf("/subject", "/data/action", "actor"));

        ObjectNode score = (ObjectNode) json(SampleEvents.scoreComputed());
        score.put("subject", "platform");
        assertThat(codec.schemaViolations(EventType.SCORE_COMPUTED, score)).singleElement()
                .satisfies(m -> assertThat(m).contains("subject"));
    }

    @Test
    void an_audit_entry_reads_back_with_its_details() {
        CloudEvent<AuditRecorded> event = SampleEvents.auditRecorded();
        CloudEvent<AuditRecorded> read = codec.decode(codec.encode(event), EventType.AUDIT_RECORDED);
        assertThat(read.data().details()).containsEntry("year", "2017").containsEntry("version", "2");
        assertThat(read.data().roles()).containsExactly("respondent");
    }

    @Test
    void an_indicator_figure_is_keyed_by_its_area_and_its_schema_refuses_a_bad_period_or_a_negative_value()
            throws Exception {
        assertThat(SampleEvents.indicatorRecorded().subject()).isEqualTo("region:Groningen");
        ObjectNode figure = (ObjectNode) json(SampleEvents.indicatorRecorded());
        ((ObjectNode) figure.get("data")).put("period", "2024-Q5");
        ((ObjectNode) figure.get("data")).put("value", -1);
        figure.put("subject", "Groningen");
        assertThat(codec.schemaViolations(EventType.INDICATOR_RECORDED, figure))
                .anySatisfy(m -> assertThat(m).contains("/data/period"))
                .anySatisfy(m -> assertThat(m).contains("/data/value"))
                .anySatisfy(m -> assertThat(m).contains("/subject"));
    }

    @Test
    void a_score_crossing_is_written_as_in_v1_and_an_indicator_crossing_needs_v2() throws Exception {
        JsonNode score = json(SampleEvents.thresholdCrossed());
        assertThat(score.get("data").has("indicator")).isFalse();
        assertThat(score.at("/data/newScore").asDouble()).isEqualTo(12.5);
        assertThat(SampleEvents.thresholdCrossed().data().eventType()).isEqualTo(EventType.THRESHOLD_CROSSED);
        // a score's crossing is valid v2 data too: v2 only adds the indicator's form
        ObjectNode asV2 = (ObjectNode) score.deepCopy();
        asV2.put("type", EventType.THRESHOLD_CROSSED_V2.type());
        assertThat(codec.schemaViolations(EventType.THRESHOLD_CROSSED_V2, asV2)).isEmpty();

        CloudEvent<ThresholdCrossed> indicator = SampleEvents.indicatorThresholdCrossed();
        JsonNode v2 = json(indicator);
        assertThat(indicator.data().eventType()).isEqualTo(EventType.THRESHOLD_CROSSED_V2);
        assertThat(v2.get("subject").asText()).isEqualTo("region:Groningen");
        assertThat(v2.get("data").has("municipality")).isFalse();
        assertThat(v2.get("data").has("newScore")).isFalse();
        assertThat(v2.get("data").has("threshold")).isFalse();
        assertThat(v2.at("/data/indicator/threshold").decimalValue()).isEqualByComparingTo("12");
        assertThat(v2.at("/data/indicator/indicator").asText()).isEqualTo("vt-repeat-reports");
        assertThat(v2.at("/data/indicator/previousValue").decimalValue()).isEqualByComparingTo("11.2");
        assertThat(indicator.data().firing()).isTrue();
        // v1 cannot carry it: no municipality, no score
        ObjectNode asV1 = (ObjectNode) v2.deepCopy();
        asV1.put("type", EventType.THRESHOLD_CROSSED.type());
        assertThat(codec.schemaViolations(EventType.THRESHOLD_CROSSED, asV1)).isNotEmpty();
        // an indicator crossing without its indicator part is neither form
        ObjectNode bare = (ObjectNode) v2.deepCopy();
        ((ObjectNode) bare.get("data")).remove("indicator");
        assertThat(codec.schemaViolations(EventType.THRESHOLD_CROSSED_V2, bare)).isNotEmpty();
    }

    @Test
    void a_consumer_of_threshold_crossed_reads_both_versions_off_its_topic_and_nothing_else() {
        CloudEvent<ThresholdCrossed> v2 = codec.decode(codec.encode(SampleEvents.indicatorThresholdCrossed()),
                EventType.THRESHOLD_CROSSED);
        assertThat(v2.type()).isEqualTo("nl.monitor.threshold-crossed.v2");
        assertThat(v2.data().indicator().area()).isEqualTo("Groningen");
        CloudEvent<ThresholdCrossed> v1 = codec.decode(codec.encode(SampleEvents.thresholdCrossed()),
                EventType.THRESHOLD_CROSSED_V2);
        assertThat(v1.data().firing()).isTrue();
        assertThatThrownBy(() -> codec.decode(codec.encode(SampleEvents.scoreComputed()), EventType.THRESHOLD_CROSSED))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void an_indicator_threshold_fires_on_the_side_it_alerts() {
        ThresholdCrossed.IndicatorCrossing above = SampleEvents.indicatorThresholdCrossed().data().indicator();
        assertThat(above.firing(ThresholdCrossed.Direction.UP)).isTrue();
        assertThat(above.firing(ThresholdCrossed.Direction.DOWN)).isFalse();
        ThresholdCrossed.IndicatorCrossing below = new ThresholdCrossed.IndicatorCrossing(above.thresholdId(),
                above.indicator(), 1, "2024", above.level(), above.area(), above.breakdown(), above.threshold(),
                ThresholdCrossed.AlertWhen.BELOW, above.value(), null, null, above.figureId(), 1, "x");
        assertThat(below.firing(ThresholdCrossed.Direction.DOWN)).isTrue();
        assertThat(below.firing(ThresholdCrossed.Direction.UP)).isFalse();
    }

    @Test
    void a_plan_is_keyed_by_its_municipality_and_its_schema_refuses_a_score_above_100_and_a_long_action()
            throws Exception {
        assertThat(SampleEvents.municipalPlanPublished().subject()).isEqualTo("GM0014");
        ObjectNode plan = (ObjectNode) json(SampleEvents.municipalPlanPublished());
        ObjectNode data = (ObjectNode) plan.get("data");
        ((ObjectNode) data.get("goalTargets").get(0)).put("score", 101);
        ((ObjectNode) data.get("actions").get(0)).put("text", "x".repeat(501));
        plan.put("subject", "region:Groningen");
        assertThat(codec.schemaViolations(EventType.MUNICIPAL_PLAN_PUBLISHED, plan))
                .anySatisfy(m -> assertThat(m).contains("/data/goalTargets/0/score"))
                .anySatisfy(m -> assertThat(m).contains("/data/actions/0/text"))
                .anySatisfy(m -> assertThat(m).contains("/subject"));
    }

    @Test
    void a_missed_target_is_v3_keyed_by_its_municipality_and_neither_v1_nor_v2_can_carry_it() throws Exception {
        CloudEvent<ThresholdCrossed> goal = SampleEvents.targetCrossed();
        JsonNode v3 = json(goal);
        assertThat(goal.data().eventType()).isEqualTo(EventType.THRESHOLD_CROSSED_V3);
        assertThat(v3.get("type").asText()).isEqualTo("nl.monitor.threshold-crossed.v3");
        assertThat(v3.get("subject").asText()).isEqualTo("GM0114");
        assertThat(v3.at("/data/direction").asText()).isEqualTo("DOWN");
        assertThat(v3.at("/data/year").asInt()).isEqualTo(2024);
        assertThat(v3.at("/data/target/goal").asInt()).isEqualTo(1);
        assertThat(v3.at("/data/target/target").decimalValue()).isEqualByComparingTo("55");
        assertThat(v3.at("/data/target/result").decimalValue()).isEqualByComparingTo("42");
        assertThat(v3.get("data").has("indicator")).isFalse();
        assertThat(v3.get("data").has("threshold")).isFalse();
        assertThat(v3.get("data").has("newScore")).isFalse();
        assertThat(goal.data().firing()).isTrue();
        CloudEvent<ThresholdCrossed> met = SampleEvents.indicatorTargetCrossed();
        assertThat(met.data().firing()).isFalse();
        assertThat(met.data().direction()).isEqualTo(ThresholdCrossed.Direction.UP);
        assertThat(codec.schemaViolations(EventType.THRESHOLD_CROSSED_V3, json(met))).isEmpty();
        // every earlier form is v3 data too
        for (CloudEvent<ThresholdCrossed> earlier : java.util.List.of(SampleEvents.thresholdCrossed(),
                SampleEvents.indicatorThresholdCrossed())) {
            ObjectNode asV3 = (ObjectNode) json(earlier);
            asV3.put("type", EventType.THRESHOLD_CROSSED_V3.type());
            assertThat(codec.schemaViolations(EventType.THRESHOLD_CROSSED_V3, asV3)).isEmpty();
        }
        // v1 and v2 cannot carry it: a consumer that knows only those dead-letters it with "unknown ... version"
        for (EventType older : java.util.List.of(EventType.THRESHOLD_CROSSED, EventType.THRESHOLD_CROSSED_V2)) {
            ObjectNode asOlder = (ObjectNode) v3.deepCopy();
            asOlder.put("type", older.type());
            assertThat(codec.schemaViolations(older, asOlder)).isNotEmpty();
        }
        // a goal's target names its goal and stays 0-100; an indicator's names its indicator
        ObjectNode bad = (ObjectNode) v3.deepCopy();
        ((ObjectNode) bad.at("/data/target")).putNull("goal");
        ((ObjectNode) bad.at("/data/target")).put("target", 120);
        ((ObjectNode) bad.at("/data/target")).put("status", "LATE");
        assertThat(codec.schemaViolations(EventType.THRESHOLD_CROSSED_V3, bad)).isNotEmpty();
        ObjectNode noIndicator = (ObjectNode) json(met);
        ((ObjectNode) noIndicator.at("/data/target")).putNull("indicator");
        assertThat(codec.schemaViolations(EventType.THRESHOLD_CROSSED_V3, noIndicator)).isNotEmpty();
        ObjectNode noMunicipality = (ObjectNode) v3.deepCopy();
        ((ObjectNode) noMunicipality.get("data")).remove("municipality");
        assertThat(codec.schemaViolations(EventType.THRESHOLD_CROSSED_V3, noMunicipality)).isNotEmpty();
    }

    @Test
    void a_consumer_of_threshold_crossed_reads_a_target_crossing_off_its_topic() {
        CloudEvent<ThresholdCrossed> read = codec.decode(codec.encode(SampleEvents.indicatorTargetCrossed()),
                EventType.THRESHOLD_CROSSED);
        assertThat(read.type()).isEqualTo("nl.monitor.threshold-crossed.v3");
        assertThat(read.data().target().indicator()).isEqualTo("vt-repeat-reports");
        assertThat(read.data().target().breakdown()).containsEntry("abuse-type", "sexual-abuse");
        assertThat(read.data().target().status()).isEqualTo(ThresholdCrossed.TargetStatus.MET);
        assertThat(read.data().key()).isEqualTo("GM0114");
    }
}
