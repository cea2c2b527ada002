package nl.monitor.survey.draft;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The questionnaire app's API: drafts with their version check, "Indienen", the preview, and who may do what. */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class DraftResourceTest {

    /** Goal 1 as SPEC.md's worked example (25 + 27.5 + 20 = 72.5), goal 2 only started (included: 15). */
    static final String WORKED_EXAMPLE = """
            {"goal": 1,
             "borging": {"inclusion": "INCLUDED", "laidDown": true, "documents": ["regional-vision"]},
             "inhoud": {"deploysMeasures": true, "categories": [
                {"category": "subsidy-conditions", "options": [{"option": "attention-officer"}]},
                {"category": "chain-cooperation", "options": [{"option": "cooperation-agreements"}]},
                {"category": "programme-purchasing", "options": [{"option": "not-in-policy"}]},
                {"category": "own-action", "options": [{"option": "not-in-policy"}]}]},
             "bereik": {"insight": true, "share": "MORE_THAN_HALF"}}""";

    private static String draft(int version, String... goals) {
        return "{\"version\": " + version + ", \"questionnaireVersion\": 1, \"goals\": [" + String.join(",", goals)
                + "]}";
    }

    private static String path(String municipality, int year) {
        return "/api/municipalities/" + municipality + "/years/" + year;
    }

    @Test
    void a_draft_is_saved_with_a_version_and_a_save_based_on_an_older_version_answers_409() {
        String respondent = TestTokens.respondent("GM0014");
        given().auth().oauth2(respondent).get(path("GM0014", 2091) + "/draft").then().statusCode(404);
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body(draft(0, WORKED_EXAMPLE))
                .put(path("GM0014", 2091) + "/draft").then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(respondent).contentType(ContentType.JSON)
                .body(draft(1, "{\"goal\": 2, \"borging\": {\"inclusion\": \"INTENDED\"}}"))
                .put(path("GM0014", 2091) + "/draft").then().statusCode(200).body("version", equalTo(2));

        // A colleague's page still shows version 1.
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body(draft(1, WORKED_EXAMPLE))
                .put(path("GM0014", 2091) + "/draft").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("was saved as version 2"))
                .body("detail", containsString("since the version 1 your page shows"));

        JsonPath stored = given().auth().oauth2(respondent).get(path("GM0014", 2091) + "/draft").then()
                .statusCode(200).extract().jsonPath();
        assertThat(stored.getInt("version")).isEqualTo(2);
        assertThat(stored.getList("goals.goal", Integer.class)).containsExactly(2);
        assertThat(stored.getString("goals[0].borging.inclusion")).isEqualTo("INTENDED");
        assertThat(stored.getString("goals[0].inhoud")).isNull();
        assertThat(stored.getString("updatedBy")).isNotBlank();
    }

    @Test
    void indienen_submits_the_draft_as_the_next_version_and_an_invalid_draft_answers_422_at_its_paths() {
        String respondent = TestTokens.respondent("GM0034");
        given().auth().oauth2(respondent).contentType(ContentType.JSON)
                .body(draft(0, WORKED_EXAMPLE, "{\"goal\": 2, \"borging\": {\"inclusion\": \"INCLUDED\", "
                        + "\"laidDown\": true, \"documents\": []}}"))
                .put(path("GM0034", 2092) + "/draft").then().statusCode(200);

        given().auth().oauth2(respondent).contentType(ContentType.JSON).body("{\"version\": 1}")
                .post(path("GM0034", 2092) + "/draft/submission").then().statusCode(422)
                .body("errors.field", hasItem("goals[1].borging.documents"))
                .body("errors.field", hasItem("goals[1].inhoud"))
                .body("errors.field", hasItem("goals[1].bereik"));
        given().auth().oauth2(respondent).get(path("GM0034", 2092) + "/submission").then().statusCode(404);

        given().auth().oauth2(respondent).contentType(ContentType.JSON).body(draft(1, WORKED_EXAMPLE))
                .put(path("GM0034", 2092) + "/draft").then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body("{\"version\": 1}")
                .post(path("GM0034", 2092) + "/draft/submission").then().statusCode(409);
        JsonPath submitted = given().auth().oauth2(respondent).contentType(ContentType.JSON).body("{\"version\": 2}")
                .post(path("GM0034", 2092) + "/draft/submission").then().statusCode(201).extract().jsonPath();
        assertThat(submitted.getInt("submission.version")).isEqualTo(1);
        assertThat(submitted.getInt("draft.submittedVersion")).isEqualTo(1);
        given().auth().oauth2(respondent).get(path("GM0034", 2092) + "/submission").then().statusCode(200)
                .body("version", equalTo(1)).body("goals[0].inhoud.categories[0].options[0].option",
                        equalTo("attention-officer"));

        // A retried "Indienen" of the same draft version makes no second version.
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body("{\"version\": 2}")
                .post(path("GM0034", 2092) + "/draft/submission").then().statusCode(201)
                .body("submission.version", equalTo(1));
    }

    @Test
    void the_preview_scores_with_the_domain_rules_and_lists_the_measures_that_raise_a_goal() {
        String respondent = TestTokens.respondent("GM0014");
        JsonPath preview = given().auth().oauth2(respondent).contentType(ContentType.JSON)
                .body(draft(0, WORKED_EXAMPLE, "{\"goal\": 2, \"borging\": {\"inclusion\": \"INCLUDED\"}}"))
                .post(path("GM0014", 2093) + "/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getDouble("goals[0].borging")).isEqualTo(25.0);
        assertThat(preview.getDouble("goals[0].inhoud")).isEqualTo(27.5);
        assertThat(preview.getDouble("goals[0].bereik")).isEqualTo(20.0);
        assertThat(preview.getDouble("goals[0].total")).isEqualTo(72.5);
        assertThat(preview.getString("goals[0].band")).isEqualTo("ORANGE");
        assertThat(preview.getBoolean("goals[0].complete")).isTrue();
        // Goal 2: included, nothing else yet: 15, not complete.
        assertThat(preview.getDouble("goals[1].total")).isEqualTo(15.0);
        assertThat(preview.getBoolean("goals[1].complete")).isFalse();
        assertThat(preview.getDouble("total")).isEqualTo((72.5 + 15) / 2);
        assertThat(preview.getInt("goalsAnswered")).isEqualTo(2);
        // Goal 1 earns nothing in programme-purchasing and own-action yet: each of their measures adds 11.25.
        assertThat(preview.getList("goals[0].suggestions.category", String.class))
                .isNotEmpty().containsOnly("programme-purchasing", "own-action");
        assertThat(preview.getList("goals[0].suggestions.gain", Double.class)).containsOnly(11.25);
        // Goal 2 (three categories of 15) deploys nothing yet: a first measure adds 5 + 15.
        assertThat(preview.getList("goals[1].suggestions.gain", Double.class)).containsOnly(20.0);
        assertThat(preview.getList("problems.field", String.class)).contains("goals[1].inhoud");

        // Stores nothing.
        given().auth().oauth2(respondent).get(path("GM0014", 2093) + "/draft").then().statusCode(404);
        given().auth().oauth2(respondent).get(path("GM0014", 2093) + "/submission").then().statusCode(404);
    }

    /**
     * The preview scores with the rules of the year's wave, not the latest of its questionnaire: the wave of 2061 is on
     * the test-only rules version 101 (test-support; questionnaire 1, deploying measures earns 20 and the categories
     * share 30), under which the worked example is 25 + (20 + 2 × 7.5) + 20 = 80, green (under version 1: 72.5, orange).
     */
    @Test
    void the_preview_scores_with_the_rules_of_the_years_wave() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"year": 2061, "questionnaireVersion": 1, "rulesVersion": 101, "openFrom": "%s", "openUntil": "%s"}
                        """.formatted(now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(30))))
                .post("/api/admin/waves").then().statusCode(201);
        String respondent = TestTokens.respondent("GM0014");
        JsonPath preview = given().auth().oauth2(respondent).contentType(ContentType.JSON)
                .body(draft(0, WORKED_EXAMPLE)).post(path("GM0014", 2061) + "/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("rulesVersion")).isEqualTo(101);
        assertThat(preview.getDouble("goals[0].inhoud")).isEqualTo(35.0);
        assertThat(preview.getDouble("goals[0].total")).isEqualTo(80.0);
        assertThat(preview.getString("goals[0].band")).isEqualTo("GREEN");
        // A year without a wave: the latest rules of the questionnaire answered (version 1).
        JsonPath latest = given().auth().oauth2(respondent).contentType(ContentType.JSON)
                .body(draft(0, WORKED_EXAMPLE)).post(path("GM0014", 2093) + "/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(latest.getInt("rulesVersion")).isEqualTo(1);
        assertThat(latest.getDouble("goals[0].total")).isEqualTo(72.5);
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/waves/2061/close").then().statusCode(200);
    }

    @Test
    void respondents_edit_only_their_own_and_coordinators_of_the_region_may_only_read() {
        given().auth().oauth2(TestTokens.respondent("GM0014")).contentType(ContentType.JSON)
                .body(draft(0, WORKED_EXAMPLE)).put(path("GM0014", 2094) + "/draft").then().statusCode(200);

        given().auth().oauth2(TestTokens.respondent("GM0034")).get(path("GM0014", 2094) + "/draft").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.respondent("GM0034")).contentType(ContentType.JSON)
                .body(draft(1, WORKED_EXAMPLE)).put(path("GM0014", 2094) + "/draft").then().statusCode(403);

        String groningen = TestTokens.coordinator("Groningen");
        given().auth().oauth2(groningen).get(path("GM0014", 2094) + "/draft").then().statusCode(200)
                .body("version", equalTo(1));
        given().auth().oauth2(groningen).contentType(ContentType.JSON).body(draft(1, WORKED_EXAMPLE))
                .put(path("GM0014", 2094) + "/draft").then().statusCode(403);
        given().auth().oauth2(groningen).contentType(ContentType.JSON).body("{\"version\": 1}")
                .post(path("GM0014", 2094) + "/draft/submission").then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Flevoland")).get(path("GM0014", 2094) + "/draft").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(draft(1, WORKED_EXAMPLE))
                .put(path("GM0014", 2094) + "/draft").then().statusCode(403);
        given().get(path("GM0014", 2094) + "/draft").then().statusCode(401);
    }

    @Test
    void a_draft_of_a_year_is_under_the_codes_of_that_years_division() {
        // Ten Boer (GM0009) answered the 2014 wave; Het Hogeland (GM1966) was formed in 2019.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(draft(0, WORKED_EXAMPLE))
                .put(path("GM0009", 2014) + "/draft").then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(draft(0, WORKED_EXAMPLE))
                .put(path("GM1966", 2017) + "/draft").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("GM1966 is not in the 2017 division"));
    }
}
