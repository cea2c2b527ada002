package nl.monitor.scoring.indicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A coordinator's indicator thresholds over the real broker and database: figures of the region and its
 * municipalities crossing them are published as threshold-crossed v2, with hysteresis, corrections re-evaluated,
 * redeliveries, history and other regions, breakdowns and the nation crossing nothing. Periods 2061-2065 are this
 * test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class IndicatorThresholdTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Map<String, String> DOMESTIC = Map.of("abuse-type", "witnessing-domestic-violence");
    private final EventCodec codec = new EventCodec();
    private TopicReader crossed;

    @BeforeEach
    void readTopic() {
        crossed = new TopicReader(EventType.THRESHOLD_CROSSED.topic());
    }

    @AfterEach
    void closeReader() {
        crossed.close();
    }

    private static Map<String, Object> threshold(String region, String value, String margin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region);
        body.put("indicator", "vt-repeat-reports");
        body.put("breakdown", DOMESTIC);
        body.put("value", new BigDecimal(value));
        body.put("alertWhen", "ABOVE");
        body.put("margin", new BigDecimal(margin));
        body.put("description", "hermeldingen huiselijk geweld boven " + value + " %");
        return body;
    }

    private static String create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/indicator-thresholds").then().statusCode(201)
                .body("indicatorTitle", equalTo("Percentage hermeldingen")).extract().path("id");
    }

    private CloudEvent<IndicatorRecorded> record(AreaLevel level, String area, String period, Map<String, String> breakdown,
                                                 String value, int version) {
        IndicatorRecorded figure = new IndicatorRecorded(UUID.randomUUID(), "vt-repeat-reports", 1, period, level,
                area, breakdown, new BigDecimal(value), version, Instant.now(), "coordinator-groningen");
        CloudEvent<IndicatorRecorded> event = CloudEvent.of(EventType.INDICATOR_RECORDED, "/survey-service",
                figure.key(), figure);
        send(event);
        return event;
    }

    private void send(CloudEvent<IndicatorRecorded> event) {
        EventPublisher.shared().send(EventType.INDICATOR_RECORDED.topic(), event.subject(), codec.encode(event));
    }

    private List<ThresholdCrossed> crossingsOf(String thresholdId, int count) {
        return crossed.await(r -> r.value().contains(thresholdId), count, DEADLINE).stream()
                .map(r -> codec.<ThresholdCrossed>decode(r.value(), EventType.THRESHOLD_CROSSED).data()).toList();
    }

    @Test
    void a_region_figure_crossing_its_coordinator_threshold_fires_resolves_and_fires_again_on_a_correction() {
        String id = create(TestTokens.coordinator("Groningen"), threshold("Groningen", "12", "2"));

        record(AreaLevel.REGION, "Groningen", "2061", DOMESTIC, "13.5", 1);                  // fires: first figure above 12
        record(AreaLevel.REGION, "Groningen", "2062", DOMESTIC, "11", 1);                    // within the margin: nothing
        record(AreaLevel.REGION, "Groningen", "2062", Map.of(), "30", 1);                   // another breakdown: nothing
        record(AreaLevel.REGION, "Drenthe", "2062", DOMESTIC, "30", 1);                      // another region: nothing
        record(AreaLevel.NATIONAL, "NL", "2062", DOMESTIC, "30", 1);                         // the nation: nothing
        CloudEvent<IndicatorRecorded> down = record(AreaLevel.REGION, "Groningen", "2063", DOMESTIC, "9", 1); // resolves
        send(down);                                                                          // redelivered: nothing
        record(AreaLevel.REGION, "Groningen", "2060", DOMESTIC, "40", 1);                    // history: nothing
        record(AreaLevel.REGION, "Groningen", "2063", DOMESTIC, "15", 2);                    // correction: fires again
        record(AreaLevel.REGION, "Groningen", "2063", DOMESTIC, "8", 1);                     // an older version late: nothing
        record(AreaLevel.MUNICIPALITY, "GM0014", "2063", DOMESTIC, "12.5", 1);               // a municipality: fires

        List<ThresholdCrossed> region = crossingsOf(id, 4).stream().filter(c -> c.municipality() == null).toList();
        assertThat(region).extracting(c -> c.direction() + " " + c.indicator().period() + " "
                        + c.indicator().previousValue() + " -> " + c.indicator().value() + " " + c.firing())
                .containsExactly("UP 2061 null -> 13.5 true", "DOWN 2063 11 -> 9 false", "UP 2063 9 -> 15 true");
        ThresholdCrossed first = region.get(0);
        assertThat(first.region()).isEqualTo("Groningen");
        assertThat(first.year()).isEqualTo(2061);
        assertThat(first.threshold()).isNull();
        assertThat(first.indicator().threshold()).isEqualByComparingTo("12");
        assertThat(first.indicator().indicator()).isEqualTo("vt-repeat-reports");
        assertThat(first.indicator().level()).isEqualTo(AreaLevel.REGION);
        assertThat(first.indicator().breakdown()).isEqualTo(DOMESTIC);
        assertThat(first.indicator().alertWhen()).isEqualTo(ThresholdCrossed.AlertWhen.ABOVE);
        assertThat(first.indicator().thresholdId()).hasToString(id);
        assertThat(first.newScore()).isNull();

        ThresholdCrossed municipal = crossed.seen().stream().filter(r -> r.value().contains(id))
                .filter(r -> r.key().equals("GM0014")).map(r -> codec.<ThresholdCrossed>decode(r.value(),
                        EventType.THRESHOLD_CROSSED).data()).findFirst().orElseThrow();
        assertThat(municipal.municipality()).isEqualTo("GM0014");
        assertThat(municipal.indicator().previousValue()).isNull();
        assertThat(crossed.seen().stream().filter(r -> r.value().contains(id)))
                .allSatisfy(r -> assertThat(r.value()).contains("\"type\":\"nl.monitor.threshold-crossed.v2\""))
                .hasSize(4);
    }

    @Test
    void the_region_coordinator_and_admins_keep_the_thresholds_and_every_bad_field_is_named() {
        String coordinator = TestTokens.coordinator("Groningen");
        Map<String, Object> mine = threshold("Groningen", "30", "0");
        String id = create(coordinator, mine);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(mine).post("/api/indicator-thresholds")
                .then().statusCode(409);
        given().auth().oauth2(coordinator).get("/api/indicator-thresholds").then().statusCode(200)
                .body("id", hasItem(id));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-thresholds/" + id).then().statusCode(200)
                .body("region", equalTo("Groningen")).body("breakdown.abuse-type",
                        equalTo("witnessing-domestic-violence"));
        given().auth().oauth2(TestTokens.coordinator("Drenthe")).get("/api/indicator-thresholds?region=Groningen")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Drenthe")).contentType(ContentType.JSON)
                .body(threshold("Groningen", "31", "0")).post("/api/indicator-thresholds").then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Drenthe")).delete("/api/indicator-thresholds/" + id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/indicator-thresholds").then().statusCode(403);

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("region", "Groningen");
        bad.put("indicator", "vt-repeat-reports");
        bad.put("breakdown", Map.of("abuse-type", "gossip", "sector", "education"));
        bad.put("value", 120);
        bad.put("alertWhen", "SIDEWAYS");
        bad.put("margin", -1);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(bad).post("/api/indicator-thresholds")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("breakdown.abuse-type", "breakdown.sector", "value",
                        "alertWhen", "margin"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("region", "Atlantis", "indicator", "sanctions-aimed-at-offender-treatment"))
                .post("/api/indicator-thresholds").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("region", "indicator", "value", "alertWhen"));

        given().auth().oauth2(TestTokens.admin()).delete("/api/indicator-thresholds/" + id).then().statusCode(204);
        given().auth().oauth2(coordinator).get("/api/indicator-thresholds/" + id).then().statusCode(404);
    }
}
