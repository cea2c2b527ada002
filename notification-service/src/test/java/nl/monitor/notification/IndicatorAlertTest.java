package nl.monitor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.AlertWhen;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Alerts on indicator figures (threshold-crossed v2) over the real topic: the region's subscriptions get a signed
 * webhook naming indicator, area, period, breakdown, value and previous value; the crossing back resolves it; filters
 * opt in by naming the indicators; a score's alert body is as before. Region Brabant-Noord is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class IndicatorAlertTest {

    private static final String REGION = "Brabant-Noord";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SECRET = "an-indicator-receiver-secret";
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = EventCodec.newMapper();

    private static String subscribe(String url, Map<String, Object> filter) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("region", REGION, "url", url, "secret", SECRET));
        if (filter != null) {
            body.put("filter", filter);
        }
        return given().auth().oauth2(TestTokens.coordinator(REGION)).contentType(ContentType.JSON).body(body)
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static void unsubscribe(String id) {
        given().auth().oauth2(TestTokens.coordinator(REGION)).delete("/api/subscriptions/" + id).then().statusCode(204);
    }

    private static CloudEvent<ThresholdCrossed> crossing(UUID threshold, AreaLevel level, String area, String period,
                                                        Direction direction, String value, String previous,
                                                        String previousPeriod) {
        ThresholdCrossed data = ThresholdCrossed.ofIndicator(UUID.randomUUID(), REGION, direction,
                new ThresholdCrossed.IndicatorCrossing(threshold, "vt-repeat-reports", 1, period, level, area,
                        Map.of("abuse-type", "sexual-abuse"), new BigDecimal("12"), AlertWhen.ABOVE,
                        new BigDecimal(value), previous == null ? null : new BigDecimal(previous), previousPeriod,
                        UUID.randomUUID(), 1, UUID.randomUUID().toString()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return CloudEvent.of(data.eventType(), "/scoring-service", data.key(), data);
    }

    private void publish(CloudEvent<ThresholdCrossed> event) {
        Crossings.send(event.subject(), codec.encode(event));
    }

    private static boolean signed(RecordingReceiver.Request request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((request.id() + "." + request.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        return ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(request.body()))).equals(request.signature());
    }

    @Test
    void an_indicator_crossing_reaches_the_region_signed_naming_the_indicator_and_its_crossing_back_resolves_it()
            throws Exception {
        try (RecordingReceiver all = new RecordingReceiver(); RecordingReceiver scoresOnly = new RecordingReceiver();
             RecordingReceiver municipal = new RecordingReceiver()) {
            String everything = subscribe(all.url(), null);
            String scores = subscribe(scoresOnly.url(), Map.of("thresholds", List.of(Map.of("scope", "TOTAL",
                    "value", 25))));
            String oss = subscribe(municipal.url(), Map.of("municipalities", List.of("GM0828"),
                    "indicators", List.of("vt-repeat-reports")));
            UUID threshold = UUID.randomUUID();

            CloudEvent<ThresholdCrossed> up = crossing(threshold, AreaLevel.REGION, REGION, "2024", Direction.UP,
                    "14.5", "11.2", "2023");
            assertThat(codec.encode(up)).contains("\"type\":\"nl.monitor.threshold-crossed.v2\"");
            publish(up);
            RecordingReceiver.Request fired = all.await(1, DEADLINE).get(0);
            assertThat(signed(fired)).as("signature " + fired.signature()).isTrue();
            JsonNode body = json.readTree(fired.body());
            assertThat(body.path("type").asText()).isEqualTo("threshold-crossed");
            assertThat(body.path("status").asText()).isEqualTo("firing");
            assertThat(body.path("region").asText()).isEqualTo(REGION);
            assertThat(body.path("year").asInt()).isEqualTo(2024);
            assertThat(body.path("municipality").isNull()).isTrue();
            assertThat(body.path("newScore").isNull()).isTrue();
            assertThat(body.path("threshold").isNull()).as("no score threshold").isTrue();
            assertThat(body.path("direction").asText()).isEqualTo("UP");
            JsonNode indicator = body.path("indicator");
            assertThat(indicator.path("indicator").asText()).isEqualTo("vt-repeat-reports");
            assertThat(indicator.path("title").asText()).isEqualTo("Percentage hermeldingen");
            assertThat(indicator.path("unit").asText()).isEqualTo("PERCENTAGE");
            assertThat(indicator.path("level").asText()).isEqualTo("REGION");
            assertThat(indicator.path("area").asText()).isEqualTo(REGION);
            assertThat(indicator.path("period").asText()).isEqualTo("2024");
            assertThat(indicator.path("breakdown").path("abuse-type").asText()).isEqualTo("sexual-abuse");
            assertThat(indicator.path("breakdownLabel").asText()).isEqualTo("Type kindermishandeling: Seksueel misbruik");
            assertThat(indicator.path("threshold").decimalValue()).isEqualByComparingTo("12");
            assertThat(indicator.path("alertWhen").asText()).isEqualTo("ABOVE");
            assertThat(indicator.path("value").decimalValue()).isEqualByComparingTo("14.5");
            assertThat(indicator.path("previousValue").decimalValue()).isEqualByComparingTo("11.2");
            assertThat(indicator.path("previousPeriod").asText()).isEqualTo("2023");
            String alertId = body.path("alertId").asText();

            given().auth().oauth2(TestTokens.coordinator(REGION)).get("/api/alerts/" + alertId).then().statusCode(200)
                    .body("state", equalTo("OPEN")).body("indicator.title", equalTo("Percentage hermeldingen"));

            // a municipality's figure: the filter on GM0828 naming the indicator gets it, by name
            publish(crossing(threshold, AreaLevel.MUNICIPALITY, "GM0828", "2024", Direction.UP, "13", null, null));
            JsonNode oss2024 = json.readTree(municipal.await(1, DEADLINE).get(0).body());
            assertThat(oss2024.path("municipality").asText()).isEqualTo("GM0828");
            assertThat(oss2024.path("municipalityName").asText()).isEqualTo("Oss");
            assertThat(oss2024.path("indicator").path("areaName").asText()).isEqualTo("Oss");
            assertThat(oss2024.path("indicator").path("previousValue").isNull()).isTrue();

            // back under: the region's open alert is resolved and its subscriber told
            publish(crossing(threshold, AreaLevel.REGION, REGION, "2025", Direction.DOWN, "9", "14.5", "2024"));
            List<JsonNode> calls = new java.util.ArrayList<>();
            for (RecordingReceiver.Request call : all.await(3, DEADLINE)) {
                calls.add(json.readTree(call.body()));
            }
            JsonNode resolved = calls.stream().filter(c -> c.path("type").asText().equals("resolved")).findFirst()
                    .orElseThrow();
            assertThat(resolved.path("type").asText()).isEqualTo("resolved");
            assertThat(resolved.path("status").asText()).isEqualTo("resolved");
            assertThat(resolved.path("resolvesAlertId").asText()).isEqualTo(alertId);
            assertThat(resolved.path("indicator").path("value").decimalValue()).isEqualByComparingTo("9");
            given().auth().oauth2(TestTokens.coordinator(REGION)).get("/api/alerts/" + alertId).then()
                    .body("state", equalTo("RESOLVED"));
            // the municipality's alert is another series: still open
            given().auth().oauth2(TestTokens.coordinator(REGION)).get("/api/alerts?region=" + REGION + "&state=OPEN")
                    .then().body("indicator.area", hasItem("GM0828"));

            // a score's crossing afterwards: the TOTAL filter gets it, with a body as before (no indicator part)
            CloudEvent<ThresholdCrossed> score = Crossings.down("GM0828", REGION, 20.0);
            publish(score);
            JsonNode scoreBody = json.readTree(scoresOnly.await(1, DEADLINE).get(0).body());
            assertThat(scoreBody.has("indicator")).isFalse();
            assertThat(scoreBody.path("newScore").asDouble()).isEqualTo(20.0);
            // every call of the score's alert is in: the score-only filter heard of no indicator crossing
            all.await(4, DEADLINE);
            assertThat(scoresOnly.requests()).hasSize(1);
            assertThat(municipal.requests()).hasSize(1);
            assertThat(EventType.byType(up.type())).contains(EventType.THRESHOLD_CROSSED_V2);

            unsubscribe(everything);
            unsubscribe(scores);
            unsubscribe(oss);
        }
    }

    @Test
    void a_filter_names_indicators_of_the_indicator_set_or_all_of_them() {
        given().auth().oauth2(TestTokens.coordinator(REGION)).contentType(ContentType.JSON)
                .body(Map.of("region", REGION, "url", "https://hooks.example.org/x", "filter",
                        Map.of("indicators", List.of("no-such-indicator", "*", "vt-reports", "gossip"))))
                .post("/api/subscriptions").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("filter.indicators[0]",
                        "filter.indicators[3]"));
        String id = given().auth().oauth2(TestTokens.coordinator(REGION)).contentType(ContentType.JSON)
                .body(Map.of("region", REGION, "url", "https://hooks.example.org/x", "filter",
                        Map.of("indicators", List.of("*")))).post("/api/subscriptions").then().statusCode(201)
                .body("filter.indicators", org.hamcrest.Matchers.contains("*")).extract().path("id");
        unsubscribe(id);
    }
}
