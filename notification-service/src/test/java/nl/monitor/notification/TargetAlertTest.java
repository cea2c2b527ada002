package nl.monitor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.TargetKind;
import nl.monitor.contracts.ThresholdCrossed.TargetStatus;
import nl.monitor.domain.indicator.Better;
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

/**
 * Alerts on a municipality's own targets (threshold-crossed v3) over the real topic: a subscription that opts in with
 * {@code targets: true} gets a signed webhook naming municipality, goal (its Dutch title), year, target and result;
 * the target met again resolves it; a subscription without the opt-in hears of none, and the opt-in narrows nothing
 * else (the score threshold named beside it still does). Region Limburg-Noord is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class TargetAlertTest {

    private static final String REGION = "Limburg-Noord";
    private static final String VENLO = "GM0983";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SECRET = "a-target-receiver-secret";
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

    private static CloudEvent<ThresholdCrossed> goalTarget(TargetStatus status, String result, String previous) {
        ThresholdCrossed data = ThresholdCrossed.ofTarget(UUID.randomUUID(), VENLO, REGION, 1,
                new ThresholdCrossed.TargetCrossing(TargetKind.GOAL, 1, null, null, Map.of(), 2024,
                        new BigDecimal("55"), Better.HIGHER, new BigDecimal(result),
                        previous == null ? null : new BigDecimal(previous), status, UUID.randomUUID(), 1,
                        UUID.randomUUID(), null, null, UUID.randomUUID().toString()),
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
    void a_missed_target_reaches_the_subscriptions_that_opted_in_signed_and_meeting_it_again_resolves_it()
            throws Exception {
        try (RecordingReceiver targets = new RecordingReceiver(); RecordingReceiver everything = new RecordingReceiver()) {
            // targets on top of one score threshold: the score's crossing below 25 later is not for it
            String opted = subscribe(targets.url(), Map.of("targets", true, "municipalities", List.of(VENLO),
                    "thresholds", List.of(Map.of("scope", "TOTAL", "value", 75))));
            String plain = subscribe(everything.url(), null);
            given().auth().oauth2(TestTokens.coordinator(REGION)).get("/api/subscriptions/" + opted).then()
                    .statusCode(200).body("filter.targets", equalTo(true));

            CloudEvent<ThresholdCrossed> missed = goalTarget(TargetStatus.MISSED, "42", null);
            assertThat(codec.encode(missed)).contains("\"type\":\"nl.monitor.threshold-crossed.v3\"");
            publish(missed);
            RecordingReceiver.Request fired = targets.await(1, DEADLINE).get(0);
            assertThat(signed(fired)).as("signature " + fired.signature()).isTrue();
            JsonNode body = json.readTree(fired.body());
            assertThat(body.path("type").asText()).isEqualTo("threshold-crossed");
            assertThat(body.path("status").asText()).isEqualTo("firing");
            assertThat(body.path("municipality").asText()).isEqualTo(VENLO);
            assertThat(body.path("municipalityName").asText()).isEqualTo("Venlo");
            assertThat(body.path("region").asText()).isEqualTo(REGION);
            assertThat(body.path("year").asInt()).isEqualTo(2024);
            assertThat(body.path("threshold").isNull()).isTrue();
            assertThat(body.path("newScore").isNull()).isTrue();
            assertThat(body.has("indicator")).isFalse();
            JsonNode target = body.path("target");
            assertThat(target.path("kind").asText()).isEqualTo("GOAL");
            assertThat(target.path("goal").asInt()).isEqualTo(1);
            assertThat(target.path("title").asText())
                    .isEqualTo("Screening en hulp voor zwangere vrouwen in hoog-risicosituaties");
            assertThat(target.path("year").asInt()).isEqualTo(2024);
            assertThat(target.path("target").decimalValue()).isEqualByComparingTo("55");
            assertThat(target.path("result").decimalValue()).isEqualByComparingTo("42");
            assertThat(target.path("status").asText()).isEqualTo("MISSED");
            String alertId = body.path("alertId").asText();
            given().auth().oauth2(TestTokens.coordinator(REGION)).get("/api/alerts/" + alertId).then().statusCode(200)
                    .body("state", equalTo("OPEN")).body("target.status", equalTo("MISSED"))
                    .body("target.title", equalTo("Screening en hulp voor zwangere vrouwen in hoog-risicosituaties"));

            publish(goalTarget(TargetStatus.MET, "58", "42"));
            JsonNode resolved = json.readTree(targets.await(2, DEADLINE).get(1).body());
            assertThat(resolved.path("type").asText()).isEqualTo("resolved");
            assertThat(resolved.path("status").asText()).isEqualTo("resolved");
            assertThat(resolved.path("resolvesAlertId").asText()).isEqualTo(alertId);
            assertThat(resolved.path("target").path("status").asText()).isEqualTo("MET");
            assertThat(resolved.path("target").path("previousResult").decimalValue()).isEqualByComparingTo("42");
            given().auth().oauth2(TestTokens.coordinator(REGION)).get("/api/alerts/" + alertId).then()
                    .body("state", equalTo("RESOLVED"));

            // a score's crossing afterwards: the subscription without a filter hears of it, the one on 75 not
            publish(Crossings.down(VENLO, REGION, 20.0));
            JsonNode score = json.readTree(everything.await(1, DEADLINE).get(0).body());
            assertThat(score.has("target")).isFalse();
            assertThat(everything.requests()).as("no target alert without the opt-in").hasSize(1);
            assertThat(targets.requests()).hasSize(2);

            unsubscribe(opted);
            unsubscribe(plain);
        }
    }
}
