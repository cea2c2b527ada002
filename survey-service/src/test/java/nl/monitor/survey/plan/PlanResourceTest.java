package nl.monitor.survey.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A municipality's plan (issue 28): its respondent saves targets and actions, stored as versions, published as
 * municipal-plan-published with its audit entry; 422 naming each field, 409 on a stale version, 403 for another
 * municipality's respondent, a coordinator and an analyst. Target years 2061-2063 are this test's own; the
 * municipalities (Aa en Hunze GM1680, Assen GM0106) have plans in no other test.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class PlanResourceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String AA_EN_HUNZE = "GM1680";
    private final EventCodec codec = new EventCodec();
    private TopicReader plans;
    private TopicReader audit;

    @BeforeEach
    void readTopics() {
        plans = new TopicReader(EventType.MUNICIPAL_PLAN_PUBLISHED.topic());
        audit = new TopicReader(EventType.AUDIT_RECORDED.topic());
    }

    @AfterEach
    void closeReaders() {
        plans.close();
        audit.close();
    }

    private static ValidatableResponse save(String token, String code, Map<String, Object> plan) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(plan)
                .put("/api/municipalities/" + code + "/plan").then();
    }

    private static int currentVersion(String code) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/municipalities/" + code + "/plan").then()
                .statusCode(200).extract().path("version");
    }

    private static Map<String, Object> plan(int version, Object goalScore) {
        return Map.of("version", version,
                "goalTargets", List.of(Map.of("goal", 1, "year", 2062, "score", goalScore),
                        Map.of("goal", 1, "year", 2063, "score", 80)),
                "indicatorTargets", List.of(Map.of("indicator", "vt-repeat-reports", "year", 2063,
                        "breakdown", Map.of("abuse-type", "sexual-abuse"), "value", 12.5)),
                "actions", List.of(Map.of("text", "  Meldcode als voorwaarde in elke subsidie  ", "dueYear", 2062),
                        Map.of("text", "Training aandachtsfunctionarissen")));
    }

    @Test
    void the_respondent_saves_the_plan_as_a_version_published_and_audited() {
        String respondent = TestTokens.respondent(AA_EN_HUNZE);
        int before = currentVersion(AA_EN_HUNZE);
        String id = save(respondent, AA_EN_HUNZE, plan(before, 60)).statusCode(201)
                .body("version", equalTo(before + 1)).body("municipality", equalTo(AA_EN_HUNZE))
                .body("name", equalTo("Aa en Hunze")).body("goalTargets", hasSize(2))
                .body("actions[0].text", equalTo("Meldcode als voorwaarde in elke subsidie"))
                .body("savedBy", equalTo("respondent-GM1680")).extract().path("version").toString();

        ConsumerRecord<String, String> published = plans.await(r -> r.key().equals(AA_EN_HUNZE)
                && r.value().contains("\"version\":" + id), 1, DEADLINE).get(0);
        CloudEvent<MunicipalPlanPublished> event = codec.decode(published.value(), EventType.MUNICIPAL_PLAN_PUBLISHED);
        assertThat(event.subject()).isEqualTo(AA_EN_HUNZE);
        assertThat(event.data().goalTargets()).extracting(t -> t.goal() + "/" + t.year() + "/" + t.score())
                .containsExactly("1/2062/60", "1/2063/80");
        assertThat(event.data().indicatorTargets().get(0).value()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(event.data().indicatorTargets().get(0).breakdown()).containsEntry("abuse-type", "sexual-abuse");
        assertThat(event.data().actions()).hasSize(2);
        CloudEvent<AuditRecorded> audited = codec.decode(audit.await(r -> r.value().contains("municipal-plan/"
                + AA_EN_HUNZE) && r.value().contains("\"version\":\"" + id + "\""), 1, DEADLINE).get(0).value(),
                EventType.AUDIT_RECORDED);
        AuditRecorded entry = audited.data();
        assertThat(entry.action()).isEqualTo("municipal-plan.published");
        assertThat(entry.municipality()).isEqualTo(AA_EN_HUNZE);
        assertThat(entry.actor()).isEqualTo("respondent-GM1680");
        assertThat(entry.details()).containsEntry("goalTargets", "2").containsEntry("actions", "2");

        int version = before + 1;
        // the same plan again (60.0 is 60) stores nothing; a stale version is 409; a change is the next version
        save(respondent, AA_EN_HUNZE, plan(version, 60.0)).statusCode(200).body("version", equalTo(version));
        save(respondent, AA_EN_HUNZE, plan(version - 1, 65)).statusCode(409)
                .contentType("application/problem+json");
        save(TestTokens.admin(), AA_EN_HUNZE, plan(version, 65)).statusCode(201).body("version", equalTo(version + 1))
                .body("goalTargets[0].score", equalTo(65));
        // whoever may read the municipality reads it: its region's coordinator and an analyst
        given().auth().oauth2(TestTokens.coordinator("Drenthe")).get("/api/municipalities/" + AA_EN_HUNZE + "/plan")
                .then().statusCode(200).body("version", equalTo(version + 1));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/" + AA_EN_HUNZE + "/plan")
                .then().statusCode(200).body("indicatorTargets[0].indicator", equalTo("vt-repeat-reports"));
    }

    @Test
    void every_bad_field_is_named_and_nothing_is_stored() {
        int before = currentVersion(AA_EN_HUNZE);
        save(TestTokens.respondent(AA_EN_HUNZE), AA_EN_HUNZE, Map.of("version", before,
                "goalTargets", List.of(Map.of("goal", 12, "year", 2062, "score", 50),
                        Map.of("goal", 2, "year", 2062, "score", 101)),
                "indicatorTargets", List.of(Map.of("indicator", "interventions-proven-effective", "year", 2062,
                        "value", 50), Map.of("indicator", "vt-reports", "year", 1999, "value", 1.5)),
                "actions", List.of(Map.of("text", "x".repeat(501)))))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("goalTargets[0].goal", "goalTargets[1].score",
                        "indicatorTargets[0].indicator", "indicatorTargets[1].year", "indicatorTargets[1].value",
                        "actions[0].text"))
                .body("errors.code", containsInAnyOrder("unknown-goal", "out-of-range", "level-not-recorded",
                        "out-of-range", "out-of-range", "too-long"));
        save(TestTokens.respondent(AA_EN_HUNZE), AA_EN_HUNZE, Map.of("goalTargets", List.of())).statusCode(422)
                .body("errors[0].field", equalTo("version"));
        assertThat(currentVersion(AA_EN_HUNZE)).isEqualTo(before);
    }

    @Test
    void only_the_municipalitys_respondent_and_an_admin_edit_it() {
        String assen = "GM0106";
        int before = currentVersion(assen);
        save(TestTokens.respondent(AA_EN_HUNZE), assen, plan(before, 50)).statusCode(403)
                .contentType("application/problem+json");
        save(TestTokens.coordinator("Drenthe"), assen, plan(before, 50)).statusCode(403);
        save(TestTokens.analyst(), assen, plan(before, 50)).statusCode(403);
        given().auth().oauth2(TestTokens.respondent(AA_EN_HUNZE)).get("/api/municipalities/" + assen + "/plan")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/municipalities/" + assen + "/plan")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/municipalities/GM9999/plan").then().statusCode(404);
        assertThat(currentVersion(assen)).isEqualTo(before);
    }
}
