package nl.monitor.survey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static nl.monitor.survey.SubmissionResourceTest.assessment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The admin's waves and what they do to submissions, drafts and imports. The years 2080-2089 are this test's own;
 * the other tests use years without a wave, which stay open (survey.waves.years-without-wave=open, the default).
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class WaveResourceTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    @RegisterExtension
    final AuditLogLines auditLines = new AuditLogLines();

    static String wave(int year, Instant from, Instant until) {
        return """
                {"year": %d, "questionnaireVersion": 1, "rulesVersion": 1, "openFrom": "%s", "openUntil": "%s"}
                """.formatted(year, from, until);
    }

    private static Response asAdmin(String body, String path) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post(path);
    }

    private static Response submit(String municipality, int year) {
        return given().auth().oauth2(TestTokens.respondent(municipality)).contentType(ContentType.JSON)
                .body(assessment(municipality, year)).post("/api/submissions");
    }

    @Test
    void a_submission_outside_an_open_wave_is_refused_with_409_and_the_wave_can_be_closed_and_reopened() {
        asAdmin(wave(2081, NOW.minus(1, ChronoUnit.HOURS), NOW.plus(1, ChronoUnit.DAYS)), "/api/admin/waves").then()
                .statusCode(201).header("Location", endsWith("/api/admin/waves/2081"))
                .body("status", equalTo("OPEN")).body("acceptingNow", equalTo(true))
                .body("divisionYear", equalTo(2021)).body("invited", equalTo(352)).body("openedBy", equalTo("admin"));
        submit("GM0014", 2081).then().statusCode(201);

        asAdmin("", "/api/admin/waves/2081/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("acceptingNow", equalTo(false)).body("closedBy", equalTo("admin"));
        submit("GM0014", 2081).then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("type", endsWith("/wave-not-open"))
                .body("detail", containsString("The 2081 wave was closed"));
        given().auth().oauth2(TestTokens.respondent("GM0034")).contentType(ContentType.JSON)
                .body("{\"version\": 0, \"goals\": []}").put("/api/municipalities/GM0034/years/2081/draft").then()
                .statusCode(409).contentType("application/problem+json");
        asAdmin("", "/api/admin/waves/2081/close").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("closed already"));

        asAdmin("{}", "/api/admin/waves/2081/reopen").then().statusCode(422).body("errors.field", hasItem("reason"));
        asAdmin("{\"reason\": \"Two municipalities asked for a week more\"}", "/api/admin/waves/2081/reopen").then()
                .statusCode(200).body("status", equalTo("OPEN")).body("reopenCount", equalTo(1))
                .body("reopenedBy", equalTo("admin")).body("reopenReason", containsString("a week more"));
        submit("GM0014", 2081).then().statusCode(201).body("version", equalTo(2));
        asAdmin("{\"reason\": \"again\"}", "/api/admin/waves/2081/reopen").then().statusCode(409);

        assertThat(auditLines.lines()).anySatisfy(line -> assertThat(line).contains("AUDIT action=wave.opened",
                "subject=wave/2081", "by=admin", "from=", "at="));
        assertThat(auditLines.lines()).anySatisfy(line -> assertThat(line).contains("action=wave.closed",
                "subject=wave/2081"));
        assertThat(auditLines.lines()).anySatisfy(line -> assertThat(line).contains("action=wave.reopened", "by=admin",
                "reason=\"Two municipalities asked for a week more\""));
        given().auth().oauth2(TestTokens.admin()).get("/api/admin/waves").then().statusCode(200)
                .body("year", hasItem(2081));
        given().auth().oauth2(TestTokens.admin()).get("/api/admin/waves/2081").then().statusCode(200)
                .body("reopenCount", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).get("/api/admin/waves/2089").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void before_open_from_and_from_open_until_on_submissions_and_drafts_answer_409() {
        asAdmin(wave(2082, NOW.plus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS)), "/api/admin/waves").then()
                .statusCode(201).body("acceptingNow", equalTo(false));
        asAdmin(wave(2083, NOW.minus(30, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS)), "/api/admin/waves").then()
                .statusCode(201);

        submit("GM0014", 2082).then().statusCode(409).body("detail", containsString("The 2082 wave opens at"));
        submit("GM0014", 2083).then().statusCode(409).body("detail", containsString("The 2083 wave was open until"));
        given().auth().oauth2(TestTokens.respondent("GM0014")).contentType(ContentType.JSON)
                .body("{\"version\": 0, \"goals\": []}").put("/api/municipalities/GM0014/years/2083/draft").then()
                .statusCode(409);
        // Reopening a wave whose window has passed needs a new end.
        asAdmin("", "/api/admin/waves/2083/close").then().statusCode(200);
        asAdmin("{\"reason\": \"late\"}", "/api/admin/waves/2083/reopen").then().statusCode(422)
                .body("errors.field", hasItem("openUntil"));
        asAdmin("{\"reason\": \"late\", \"openUntil\": \"" + NOW.plus(2, ChronoUnit.DAYS) + "\"}",
                "/api/admin/waves/2083/reopen").then().statusCode(200).body("acceptingNow", equalTo(true));
        submit("GM0014", 2083).then().statusCode(201);
    }

    @Test
    void a_draft_saved_while_open_cannot_be_submitted_once_the_wave_is_closed() {
        asAdmin(wave(2084, NOW.minus(1, ChronoUnit.HOURS), NOW.plus(1, ChronoUnit.DAYS)), "/api/admin/waves").then()
                .statusCode(201);
        String respondent = TestTokens.respondent("GM0014");
        String draft = assessment("GM0014", 2084).replaceFirst("\\{", "{\"version\": 0, ");
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body(draft)
                .put("/api/municipalities/GM0014/years/2084/draft").then().statusCode(200);
        asAdmin("", "/api/admin/waves/2084/close").then().statusCode(200);

        given().auth().oauth2(respondent).contentType(ContentType.JSON).body("{\"version\": 1}")
                .post("/api/municipalities/GM0014/years/2084/draft/submission").then().statusCode(409)
                .body("detail", containsString("closed"));
        given().auth().oauth2(respondent).get("/api/municipalities/GM0014/years/2084/submission").then()
                .statusCode(404);
    }

    @Test
    void the_admin_import_may_load_a_closed_historic_wave() {
        asAdmin(wave(2085, Instant.parse("2017-03-01T00:00:00Z"), Instant.parse("2017-06-01T00:00:00Z")),
                "/api/admin/waves").then().statusCode(201);
        asAdmin("", "/api/admin/waves/2085/close").then().statusCode(200);

        asAdmin("{\"year\": 2085, \"rows\": [" + assessment("GM0014", 2085) + ", "
                + assessment("GM0034", 2085) + "]}", "/api/imports").then().statusCode(200)
                .body("accepted", equalTo(2));
        submit("GM0014", 2085).then().statusCode(409);
    }

    @Test
    void bad_input_is_422_naming_each_field_and_a_second_wave_for_a_year_is_409() {
        asAdmin("""
                {"questionnaireVersion": 99, "rulesVersion": 99, "openFrom": "2086-03-01T00:00:00Z",
                 "openUntil": "2086-02-01T00:00:00Z", "divisionYear": 2015}
                """, "/api/admin/waves").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("year", "questionnaireVersion", "rulesVersion", "openUntil",
                        "divisionYear"));
        asAdmin("{\"year\": \"soon\"}", "/api/admin/waves").then().statusCode(400).body("errors[0].field",
                equalTo("year"));
        // Rules v2 score the BMC points of attention (questionnaire v2), not the ten goals.
        asAdmin("""
                {"year": 2086, "questionnaireVersion": 1, "rulesVersion": 2, "openFrom": "2086-03-01T00:00:00Z",
                 "openUntil": "2086-04-01T00:00:00Z"}
                """, "/api/admin/waves").then().statusCode(422).body("errors.field", contains("rulesVersion"))
                .body("errors[0].code", equalTo("other-questionnaire"));

        asAdmin(wave(2086, NOW, NOW.plus(1, ChronoUnit.DAYS)).replace("}", ", \"divisionYear\": 2017}"),
                "/api/admin/waves").then().statusCode(201).body("divisionYear", equalTo(2017))
                .body("invited", equalTo(388));
        asAdmin(wave(2086, NOW, NOW.plus(2, ChronoUnit.DAYS)), "/api/admin/waves").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("one wave per year"));
        asAdmin("", "/api/admin/waves/2086/close").then().statusCode(200);
        asAdmin(wave(2086, NOW, NOW.plus(2, ChronoUnit.DAYS)), "/api/admin/waves").then().statusCode(409)
                .body("detail", containsString("reopen it"));
    }

    @Test
    void only_admins_manage_waves() {
        asAdmin(wave(2087, NOW, NOW.plus(1, ChronoUnit.DAYS)), "/api/admin/waves").then().statusCode(201);
        for (String token : List.of(TestTokens.respondent("GM0014"), TestTokens.coordinator("Groningen"),
                TestTokens.analyst())) {
            given().auth().oauth2(token).get("/api/admin/waves").then().statusCode(403);
            given().auth().oauth2(token).get("/api/admin/waves/2087").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(wave(2088, NOW, NOW.plus(1, ChronoUnit.DAYS))).post("/api/admin/waves").then()
                    .statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/admin/waves/2087/close").then()
                    .statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\": \"x\"}")
                    .post("/api/admin/waves/2087/reopen").then().statusCode(403);
        }
        given().get("/api/admin/waves").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).get("/api/admin/waves/2087").then().statusCode(200)
                .body("status", equalTo("OPEN"));
        given().auth().oauth2(TestTokens.admin()).get("/api/admin/waves/2088").then().statusCode(404);
    }

    @Test
    void respondents_read_the_waves_and_the_questionnaire_and_scale_of_a_year_and_a_missing_category_is_named() {
        asAdmin("""
                {"year": 2080, "questionnaireVersion": 2, "rulesVersion": 2, "openFrom": "%s", "openUntil": "%s"}
                """.formatted(NOW.minus(1, ChronoUnit.HOURS), NOW.plus(1, ChronoUnit.DAYS)), "/api/admin/waves").then()
                .statusCode(201);
        String respondent = TestTokens.respondent("GM0014");

        Response waves = given().auth().oauth2(respondent).get("/api/waves");
        waves.then().statusCode(200);
        assertThat(waves.jsonPath().getList("findAll { it.year == 2080 }.questionnaireVersion")).containsExactly(2);
        assertThat(waves.jsonPath().getList("findAll { it.year == 2080 }.acceptingNow")).containsExactly(true);
        assertThat(waves.asString()).as("no audit fields for respondents").doesNotContain("openedBy");

        given().auth().oauth2(respondent).get("/api/years/2080/questionnaire").then().statusCode(200)
                .body("year", equalTo(2080)).body("wave.questionnaireVersion", equalTo(2))
                .body("questionnaire.version", equalTo(2)).body("questionnaire.goals.size()", equalTo(11))
                .body("questionnaire.extraQuestions.size()", equalTo(0))
                .body("scale.rulesVersion", equalTo(2)).body("scale.borging", equalTo(25.0f))
                .body("scale.inhoud", equalTo(50.0f)).body("scale.bereik", equalTo(25.0f))
                .body("scale.goal", equalTo(100.0f)).body("scale.redBelow", equalTo(25.0f))
                .body("scale.greenAbove", equalTo(75.0f));
        // A year without a wave is filled in with the latest questionnaire.
        given().auth().oauth2(respondent).get("/api/years/2079/questionnaire").then().statusCode(200)
                .body("wave", equalTo(null)).body("questionnaire.version", equalTo(1))
                .body("questionnaire.extraQuestions.size()", equalTo(6)).body("scale.rulesVersion", equalTo(1));
        given().get("/api/waves").then().statusCode(401);

        // Measures deployed but no category answered: each missing category is named by id, not only in the text.
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body("""
                {"municipality": "GM0014", "year": 2080, "questionnaireVersion": 2, "goals": [{"goal": 1,
                  "borging": {"inclusion": "NOT_INCLUDED"}, "inhoud": {"deploysMeasures": true, "categories": []},
                  "bereik": {"insight": false}}]}
                """).post("/api/submissions").then().statusCode(422)
                .body("errors.findAll { it.code == 'category-missing' }.field",
                        contains("goals[0].inhoud.categories", "goals[0].inhoud.categories"))
                .body("errors.findAll { it.code == 'category-missing' }.category", contains("agreements",
                        "communication"));
    }
}
