package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.domain.questionnaire.Inclusion.INCLUDED;
import static nl.monitor.domain.questionnaire.ReachShare.MORE_THAN_HALF;
import static nl.monitor.reporting.Cohort.category;
import static nl.monitor.reporting.Cohort.extras;
import static nl.monitor.reporting.Cohort.goal;
import static nl.monitor.reporting.Cohort.publish;
import static nl.monitor.reporting.Cohort.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The peers' measures the questionnaire shows beside each goal: the counts of the card's advice, over a cohort of
 * three size-class-4 municipalities in 2070 (Groningen, Almere, Leeuwarden), worked out by hand.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class PeerMeasuresTest {

    private static final String GRONINGEN = "GM0014";

    @BeforeAll
    static void publishTheCohort() {
        var noExtras = extras(List.of(), List.of(), null, null, null, null, null, null);
        publish(submission(GRONINGEN, 2070, 1, noExtras, goal(1, INCLUDED, false, true, MORE_THAN_HALF,
                category("subsidy-conditions", "attention-officer"), category("chain-cooperation", "not-in-policy"),
                category("programme-purchasing", "not-in-policy"), category("own-action", "not-in-policy"))));
        publish(submission("GM0034", 2070, 1, noExtras, goal(1, INCLUDED, false, true, MORE_THAN_HALF,
                category("subsidy-conditions", "attention-officer", "risk-assessment-tools"),
                category("chain-cooperation", "not-in-policy"), category("programme-purchasing", "not-in-policy"),
                category("own-action", "campaign"))));
        publish(submission("GM0080", 2070, 1, noExtras, goal(1, INCLUDED, false, true, MORE_THAN_HALF,
                category("subsidy-conditions", "risk-assessment-tools"), category("chain-cooperation", "not-in-policy"),
                category("programme-purchasing", "not-in-policy"), category("own-action", "campaign", "other"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> ScoreEvents.rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE year = 2070").size() == 3 && ScoreEvents.rows("SELECT 1 FROM reporting.submission_goal "
                + "WHERE year = 2070").size() == 3);
    }

    private static JsonPath peers(String token, int year) {
        return given().auth().oauth2(token).get("/api/municipalities/" + GRONINGEN + "/peer-measures?year=" + year)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void per_goal_the_peers_of_the_size_class_with_the_counts_of_the_cards_advice() {
        // Two peers are fewer than k = 3: Groningen's respondent and coordinator get no counts (small-cell
        // suppression), not even how many peers answered; an analyst all of them.
        for (String token : List.of(TestTokens.respondent(GRONINGEN), TestTokens.coordinator("Groningen"))) {
            JsonPath own = peers(token, 2070);
            assertThat(own.getString("goals[0].peersAnswered")).isNull();
            assertThat(own.getBoolean("goals[0].suppressed")).isTrue();
            assertThat(own.getList("goals[0].measures")).isEmpty();
            assertThat(own.getBoolean("goals[1].suppressed")).isFalse();
            assertThat(own.getLong("goals[1].peersAnswered")).isZero();
        }
        JsonPath view = peers(TestTokens.analyst(), 2070);
        assertThat(view.getBoolean("goals[0].suppressed")).isFalse();
        assertThat(view.getInt("sizeClass")).isEqualTo(4);
        assertThat(view.getInt("year")).isEqualTo(2070);
        assertThat(view.getList("goals.goal", Integer.class)).hasSize(10).startsWith(1, 2);
        assertThat(view.getLong("goals[0].peersAnswered")).isEqualTo(2);
        // Campaign and risk assessment by both peers (2 of 2, 100 %); attention officer by Almere and Groningen itself;
        // "Anders" and "geen onderdeel van beleid" are no measures.
        List<Map<String, Object>> measures = view.getList("goals[0].measures");
        assertThat(measures).extracting(m -> m.get("category") + "/" + m.get("option") + " " + m.get("peers") + "/"
                        + m.get("peersAnswered") + " " + m.get("percent") + "% own=" + m.get("own"))
                .containsExactly("own-action/campaign 2/2 100% own=false",
                        "subsidy-conditions/risk-assessment-tools 2/2 100% own=false",
                        "subsidy-conditions/attention-officer 1/2 50% own=true");
        assertThat(view.getList("goals[1].measures")).isEmpty();

        // The card's advice for goal 1 (its weakest and only goal) has the same numbers, without its own measure.
        JsonPath card = given().auth().oauth2(TestTokens.analyst())
                .get("/api/municipalities/" + GRONINGEN + "/card?year=2070").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> advice = card.getList("advice[0].measures");
        assertThat(card.getInt("advice[0].goal")).isEqualTo(1);
        assertThat(advice).extracting(m -> m.get("option") + " " + m.get("peers") + "/" + m.get("peersAnswered") + " "
                + m.get("percent") + "%").containsExactly("campaign 2/2 100%", "risk-assessment-tools 2/2 100%");
    }

    @Test
    void a_year_without_answers_counts_the_latest_earlier_year() {
        JsonPath view = peers(TestTokens.analyst(), 2072);
        assertThat(view.getInt("requestedYear")).isEqualTo(2072);
        assertThat(view.getInt("year")).isEqualTo(2070);
        assertThat(view.getLong("goals[0].peersAnswered")).isEqualTo(2);
    }

    @Test
    void only_who_may_read_the_municipality_and_the_questionnaires_origin_may_call_from_a_browser() {
        given().auth().oauth2(TestTokens.respondent("GM0034")).get("/api/municipalities/GM0014/peer-measures?year=2070")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/municipalities/GM0014/peer-measures?year=2070").then().statusCode(200);
        given().get("/api/municipalities/GM0014/peer-measures?year=2070").then().statusCode(401);
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0014/peer-measures?year=x")
                .then().statusCode(422).body("errors[0].field", equalTo("year"));

        // The questionnaire (survey-service, another port) reads here with its bearer token: CORS for localhost.
        given().header("Origin", "http://localhost:8081").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/municipalities/GM0014/peer-measures").then()
                .header("Access-Control-Allow-Origin", "http://localhost:8081");
        String foreign = given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .options("/api/municipalities/GM0014/peer-measures").then().extract().header("Access-Control-Allow-Origin");
        assertThat(foreign).isNull();
    }
}
