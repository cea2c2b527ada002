package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.plan.MunicipalPlan;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.testsupport.AccessiblePdf;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 28's Done-when "a municipality's missed target appears on its card and in its region's view": plans
 * (municipal-plan-published) kept at their highest version, held against the goal scores and indicator figures of
 * the waves, on the card, in the factsheet and in the region view. Drenthe's Emmen misses its 2058 targets, Hoogeveen
 * is on track in 2057 and meets its target in 2058, Meppel has no plan. The years 2056-2058 are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class PlanTargetsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();
    private static final String EMMEN = "GM0114";
    private static final String HOOGEVEEN = "GM0118";
    private static final String MEPPEL = "GM0119";

    private static GoalScore goal1(double total) {
        // borging 25 at most, inhoud 50, bereik 25: the total split over them
        double borging = Math.min(25, total);
        double inhoud = Math.min(50, total - borging);
        double bereik = total - borging - inhoud;
        return new GoalScore(1, borging, inhoud, bereik, total, total < 25 ? Band.RED : total > 75 ? Band.GREEN
                : Band.ORANGE);
    }

    /** Publishes a plan as the survey-service does (also for DashboardBrowserTest). */
    static void plan(String municipality, int version, List<MunicipalPlan.GoalTarget> goals,
                             List<MunicipalPlan.IndicatorTarget> indicators, List<MunicipalPlan.Action> actions) {
        MunicipalPlanPublished plan = new MunicipalPlanPublished(UUID.randomUUID(), municipality, version, goals,
                indicators, actions, 1, Instant.now(), "respondent-" + municipality);
        CloudEvent<MunicipalPlanPublished> event = CloudEvent.of(EventType.MUNICIPAL_PLAN_PUBLISHED, "/survey-service",
                municipality, plan);
        EventPublisher.shared().send(EventType.MUNICIPAL_PLAN_PUBLISHED.topic(), municipality, CODEC.encode(event));
    }

    private static void figure(String municipality, String period, String value) {
        IndicatorRecorded figure = new IndicatorRecorded(UUID.randomUUID(), "vt-repeat-reports", 1, period,
                AreaLevel.MUNICIPALITY, municipality, Map.of(), new BigDecimal(value), 1, Instant.now(), "test");
        EventPublisher.shared().send(EventType.INDICATOR_RECORDED.topic(), municipality,
                CODEC.encode(CloudEvent.of(EventType.INDICATOR_RECORDED, "/survey-service", municipality, figure)));
    }

    private static MunicipalPlan.GoalTarget target(int goal, int year, String score) {
        return new MunicipalPlan.GoalTarget(goal, year, new BigDecimal(score));
    }

    @BeforeAll
    static void publish() {
        Instant at = Instant.parse("2058-03-01T10:00:00Z");
        ScoreEvents.publish(ScoreEvents.score(EMMEN, 2056, 1, 1, at, goal1(50)));
        ScoreEvents.publish(ScoreEvents.score(EMMEN, 2058, 1, 1, at, goal1(60)));
        ScoreEvents.publish(ScoreEvents.score(HOOGEVEEN, 2056, 1, 1, at, goal1(40)));
        ScoreEvents.publish(ScoreEvents.score(HOOGEVEEN, 2057, 1, 1, at, goal1(55)));
        ScoreEvents.publish(ScoreEvents.score(HOOGEVEEN, 2058, 1, 1, at, goal1(72.5)));
        ScoreEvents.publish(ScoreEvents.score(MEPPEL, 2058, 1, 1, at, goal1(30)));
        figure(EMMEN, "2056", "20");
        figure(EMMEN, "2058", "18");
        // Emmen's version 2 (goal 1: 70 by 2058; repeat reports down to 15 % by 2058), then its version 1 arriving
        // late (a target of 55 it would have met): version 2 stays
        plan(EMMEN, 2, List.of(target(1, 2058, "70")), List.of(new MunicipalPlan.IndicatorTarget("vt-repeat-reports",
                        2058, Map.of(), new BigDecimal("15"))),
                List.of(new MunicipalPlan.Action("Meldcode als voorwaarde in elke subsidie", 2057),
                        new MunicipalPlan.Action("Training aandachtsfunctionarissen", null)));
        plan(EMMEN, 1, List.of(target(1, 2058, "55")), List.of(), List.of());
        plan(HOOGEVEEN, 1, List.of(target(1, 2058, "70")), List.of(), List.of());
    }

    @Test
    void a_missed_target_appears_on_the_card_and_in_the_factsheet() throws Exception {
        String path = "/api/municipalities/" + EMMEN + "/card?year=2058";
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.respondent(EMMEN)).get(path)
                .then().statusCode(200)
                .body("plan.version", equalTo(2))
                .body("plan.status", equalTo("MISSED"))
                .body("plan.goals", hasSize(1))
                .body("plan.goals[0].goal", equalTo(1))
                .body("plan.goals[0].targetYear", equalTo(2058))
                .body("plan.goals[0].target", equalTo(70.0f))
                .body("plan.goals[0].result", equalTo(60.0f))
                .body("plan.goals[0].expected", nullValue())
                .body("plan.goals[0].status", equalTo("MISSED"))
                .body("plan.indicators[0].indicator", equalTo("vt-repeat-reports"))
                .body("plan.indicators[0].better", equalTo("LOWER"))
                .body("plan.indicators[0].result", equalTo(18.0f))
                .body("plan.indicators[0].status", equalTo("MISSED"))
                .body("plan.actions.text", contains("Meldcode als voorwaarde in elke subsidie",
                        "Training aandachtsfunctionarissen")));

        byte[] pdf = given().auth().oauth2(TestTokens.respondent(EMMEN)).get(path + "&format=pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = AccessiblePdf.text(pdf);
        assertThat(text).contains("Eigen doelen en acties", "Stand 2058: niet gehaald (plan versie 2)",
                "2058 70,0 60,0 – niet gehaald", "2058 15,0 18,0 – niet gehaald",
                "Meldcode als voorwaarde in elke subsidie 2057");
    }

    @Test
    void before_the_target_year_the_card_holds_the_result_against_the_path_from_the_first_wave() {
        // Hoogeveen: 40 in 2056 towards 70 in 2058, so 55 expected in 2057: on track; 72.5 in 2058 meets it
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.analyst())
                .get("/api/municipalities/" + HOOGEVEEN + "/card?year=2057").then().statusCode(200)
                .body("plan.goals[0].expected", equalTo(55.0f))
                .body("plan.goals[0].result", equalTo(55.0f))
                .body("plan.goals[0].status", equalTo("ON_TRACK"))
                .body("plan.status", equalTo("ON_TRACK")));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/" + HOOGEVEEN + "/card?year=2058")
                .then().statusCode(200).body("plan.goals[0].status", equalTo("MET"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/" + MEPPEL + "/card?year=2058")
                .then().statusCode(200).body("plan.version", equalTo(0)).body("plan.status", equalTo("NO_TARGET"));
    }

    @Test
    void the_region_view_shows_who_missed_a_target_who_is_on_track_and_who_has_none() throws Exception {
        String path = "/api/regions/Drenthe/municipalities?year=2058";
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.coordinator("Drenthe"))
                .get(path).then().statusCode(200)
                .body("municipalities.find { it.municipality == '" + EMMEN + "' }.targetStatus", equalTo("MISSED"))
                .body("municipalities.find { it.municipality == '" + HOOGEVEEN + "' }.targetStatus",
                        equalTo("ON_TRACK"))
                .body("municipalities.find { it.municipality == '" + MEPPEL + "' }.targetStatus",
                        equalTo("NO_TARGET")));
        // the coordinator's region report (PDF/UA-1) says it too
        String report = AccessiblePdf.text(given().auth().oauth2(TestTokens.coordinator("Drenthe"))
                .get(path + "&format=pdf").then().statusCode(200).extract().asByteArray());
        assertThat(report).contains("Eigen doelen", "Emmen (" + EMMEN + ")", "Meppel (" + MEPPEL + ")");
        // Emmen: 60.0 in 2058 against 50.0 in 2056, higher, and its target missed
        assertThat(report.substring(report.indexOf("Emmen (" + EMMEN + ")"))).contains("2056 50,0 10,0 hoger niet gehaald");
        // who may not see the region view still may not: a respondent, another region's coordinator
        given().auth().oauth2(TestTokens.respondent(EMMEN)).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get(path).then().statusCode(403);
    }
}
