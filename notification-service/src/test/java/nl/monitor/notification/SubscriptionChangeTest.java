package nl.monitor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.notification.Crossings.down;
import static nl.monitor.notification.Crossings.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code PUT /api/subscriptions/{id}}: the owner (or an admin) replaces description, filter and digest, checked as at
 * creation, audited as {@code subscription.changed}; region, channel and URL stay. Region Amsterdam-Amstelland is
 * this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class SubscriptionChangeTest {

    private static final String REGION = "Amsterdam-Amstelland";
    private static final String OWNER = TestTokens.coordinator(REGION);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();

    private static String create(Map<String, Object> body) {
        return given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void the_owner_replaces_description_filter_and_digest_and_the_change_is_audited() {
        String id = create(Map.of("region", REGION, "url", "https://hooks.example.org/amsterdam-change",
                "description", "eerst"));
        try (TopicReader audit = new TopicReader(EventType.AUDIT_RECORDED.topic())) {
            given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                    .body(Map.of("description", "  Team Amstelland  ", "digest", true,
                            "filter", Map.of("municipalities", List.of("GM0363", "GM0362"), "direction", "DOWN",
                                    "thresholds", List.of(Map.of("scope", "TOTAL", "value", 25),
                                            Map.of("scope", "GOAL", "goal", 3, "value", 40)))))
                    .put("/api/subscriptions/" + id).then().statusCode(200)
                    .body("id", equalTo(id)).body("description", equalTo("Team Amstelland"))
                    .body("digest", equalTo(true))
                    .body("url", equalTo("https://hooks.example.org/amsterdam-change"));

            given().auth().oauth2(OWNER).get("/api/subscriptions/" + id).then().statusCode(200)
                    .body("region", equalTo(REGION)).body("channel", equalTo("WEBHOOK"))
                    .body("description", equalTo("Team Amstelland")).body("digest", equalTo(true))
                    .body("filter.municipalities", contains("GM0363", "GM0362"))
                    .body("filter.direction", equalTo("DOWN"))
                    .body("filter.thresholds.scope", containsInAnyOrder("TOTAL", "GOAL"))
                    .body("filter.thresholds.find { it.scope == 'GOAL' }.goal", equalTo(3));

            AuditRecorded changed = audit.await(r -> r.value().contains("\"action\":\"subscription.changed\"")
                            && r.value().contains("\"subject\":\"subscription/" + id + "\""), 1, DEADLINE).stream()
                    .map(r -> codec.<AuditRecorded>decode(r.value(), EventType.AUDIT_RECORDED).data()).toList().get(0);
            assertThat(changed.actor()).isEqualTo("coordinator-amsterdam-amstelland");
            assertThat(changed.details()).containsEntry("region", REGION).containsEntry("digest", "true")
                    .containsEntry("deliveriesReleasedFromDigest", "0");
            assertThat(changed.details().get("filter")).contains("GM0363");
        }

        // Left out is none: no description, no filter, no digest.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of())
                .put("/api/subscriptions/" + id).then().statusCode(200)
                .body("description", nullValue()).body("filter", nullValue()).body("digest", equalTo(false));
    }

    @Test
    void turning_the_digest_off_sends_what_waited_for_it_now() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver();
             TopicReader audit = new TopicReader(EventType.AUDIT_RECORDED.topic())) {
            String id = create(Map.of("region", REGION, "url", receiver.url(), "digest", true,
                    "filter", Map.of("municipalities", List.of("GM0384"))));
            publish(down("GM0384", REGION, 21.0));
            // waiting for the next 07:00 digest: PENDING, nothing sent
            org.awaitility.Awaitility.await("a delivery waiting for the digest").atMost(DEADLINE)
                    .until(() -> given().auth().oauth2(OWNER).get("/api/subscriptions/" + id + "/deliveries").then()
                            .extract().<List<String>>path("status"), statuses -> statuses.equals(List.of("PENDING")));
            assertThat(receiver.requests()).isEmpty();

            given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                    .body(Map.of("filter", Map.of("municipalities", List.of("GM0384"))))
                    .put("/api/subscriptions/" + id).then().statusCode(200).body("digest", equalTo(false));

            RecordingReceiver.Request call = receiver.await(1, DEADLINE).get(0);
            assertThat(call.text()).contains("\"type\":\"threshold-crossed\"").contains("\"municipality\":\"GM0384\"");
            AuditRecorded changed = audit.await(r -> r.value().contains("\"action\":\"subscription.changed\"")
                            && r.value().contains("\"subject\":\"subscription/" + id + "\""), 1, DEADLINE).stream()
                    .map(r -> codec.<AuditRecorded>decode(r.value(), EventType.AUDIT_RECORDED).data()).toList().get(0);
            assertThat(changed.details()).containsEntry("digest", "false")
                    .containsEntry("deliveriesReleasedFromDigest", "1");
        }
    }

    @Test
    void an_invalid_change_names_each_field_and_changes_nothing() {
        String id = create(Map.of("region", REGION, "url", "https://hooks.example.org/amsterdam-invalid",
                "description", "blijft"));
        given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                .body(Map.of("description", "x".repeat(501),
                        "filter", Map.of("municipalities", List.of("GM0363", "GM0014", "GM9999"),
                                "thresholds", List.of(Map.of("scope", "GOAL", "goal", 99, "value", 140)))))
                .put("/api/subscriptions/" + id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("description", "filter.municipalities[1]",
                        "filter.municipalities[2]", "filter.thresholds[0].goal", "filter.thresholds[0].value"))
                .body("errors.find { it.field == 'filter.municipalities[1]' }.code", equalTo("other-region"))
                .body("errors.find { it.field == 'filter.municipalities[2]' }.code", equalTo("unknown-municipality"));

        String stream = create(Map.of("region", REGION, "channel", "STREAM"));
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(Map.of("digest", true))
                .put("/api/subscriptions/" + stream).then().statusCode(422)
                .body("errors.field", contains("digest")).body("errors[0].code", equalTo("not-for-channel"));

        given().auth().oauth2(OWNER).get("/api/subscriptions/" + id).then().statusCode(200)
                .body("description", equalTo("blijft")).body("filter", nullValue());
    }

    @Test
    void only_the_owner_or_an_admin_changes_a_subscription() {
        String id = create(Map.of("region", REGION, "url", "https://hooks.example.org/amsterdam-owner"));
        String colleague = TestTokens.sign(TestTokens.builder("coordinator-amsterdam-2", "coordinator")
                .claim("region", REGION));
        Map<String, Object> change = Map.of("description", "niet van jou");
        given().auth().oauth2(colleague).contentType(ContentType.JSON).body(change)
                .put("/api/subscriptions/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Haaglanden")).contentType(ContentType.JSON).body(change)
                .put("/api/subscriptions/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(change)
                .put("/api/subscriptions/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(change).put("/api/subscriptions/" + id).then().statusCode(401);
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(change)
                .put("/api/subscriptions/00000000-0000-0000-0000-000000000000").then().statusCode(404);

        given().auth().oauth2(OWNER).delete("/api/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(change)
                .put("/api/subscriptions/" + id).then().statusCode(404);
    }
}
