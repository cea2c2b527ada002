package nl.monitor.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.testsupport.ChunkedUpload;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class SubmissionResourceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = EventCodec.newMapper();
    private TopicReader events;

    @TestHTTPResource("/")
    URL baseUrl;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL managementReady;

    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @BeforeEach
    void readEvents() {
        events = new TopicReader(EventType.SURVEY_SUBMITTED.topic());
    }

    @AfterEach
    void closeReader() {
        events.close();
    }

    /** Goal 1 as the worked example of SPEC.md, goal 10 not in policy. */
    static String assessment(String municipality, int year) {
        return """
                {"municipality": "%s", "year": %d, "questionnaireVersion": 1,
                 "goals": [
                   {"goal": 1,
                    "borging": {"inclusion": "INCLUDED", "laidDown": true, "documents": ["regional-vision"]},
                    "inhoud": {"deploysMeasures": true, "categories": [
                        {"category": "subsidy-conditions", "options": [{"option": "attention-officer"}]},
                        {"category": "chain-cooperation", "options": [{"option": "other", "text": "Convenant"}]},
                        {"category": "programme-purchasing", "options": [{"option": "not-in-policy"}]},
                        {"category": "own-action", "options": [{"option": "not-in-policy"}]}]},
                    "bereik": {"insight": true, "share": "MORE_THAN_HALF"}},
                   {"goal": 10,
                    "borging": {"inclusion": "NOT_INCLUDED", "laidDown": false, "documents": []},
                    "inhoud": {"deploysMeasures": false, "categories": []},
                    "bereik": {"insight": false}}],
                 "extras": {"grades": {"past": 5, "current": 6, "expected": 8}, "regionalVision": "yes"}}
                """.formatted(municipality, year);
    }

    private static Response submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/submissions");
    }

    private SurveySubmitted awaitEvent(String submissionId) {
        ConsumerRecord<String, String> record = events.await(r -> r.value().contains(submissionId), 1, DEADLINE).get(0);
        CloudEvent<SurveySubmitted> event = codec.decode(record.value(), EventType.SURVEY_SUBMITTED);
        assertThat(record.key()).isEqualTo(event.subject());
        return event.data();
    }

    @Test
    void a_submission_is_stored_read_back_and_published_as_survey_submitted() throws Exception {
        Response created = submit(TestTokens.respondent("GM0014"), assessment("GM0014", 2017));

        created.then().statusCode(201).header("Location", startsWith("http"))
                .body("municipality", equalTo("GM0014")).body("version", equalTo(1)).body("current", equalTo(true));
        String id = created.jsonPath().getString("id");

        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/submissions/" + id).then().statusCode(200)
                .body("goals", hasSize(2)).body("goals[0].inhoud.categories[1].options[0].text", equalTo("Convenant"))
                .body("extras.grades.expected", equalTo(8)).body("submittedBy", equalTo("respondent-GM0014"));

        SurveySubmitted event = awaitEvent(id);
        assertThat(event.submissionId()).isEqualTo(UUID.fromString(id));
        assertThat(event.municipality()).isEqualTo("GM0014");
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.goals()).hasSize(2);
        assertThat(event.extras().grades().current()).isEqualTo(6);
    }

    @Test
    void a_resubmission_becomes_the_next_version_and_the_current_one() {
        String first = submit(TestTokens.respondent("GM0034"), assessment("GM0034", 2017)).then().statusCode(201)
                .extract().path("id");
        String second = submit(TestTokens.respondent("GM0034"), assessment("GM0034", 2017)).then().statusCode(201)
                .body("version", equalTo(2)).extract().path("id");

        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0034/submissions?year=2017").then()
                .statusCode(200).body("id", contains(second, first)).body("current", contains(true, false));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0034/years/2017/submission").then()
                .statusCode(200).body("id", equalTo(second));
        assertThat(awaitEvent(second).version()).isEqualTo(2);
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_stores_once() {
        String key = UUID.randomUUID().toString();
        String token = TestTokens.respondent("GM0037");
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(assessment("GM0037", 2018)).post("/api/submissions").then().statusCode(201).extract().path("id");

        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(assessment("GM0037", 2018)).post("/api/submissions").then().statusCode(200)
                .body("id", equalTo(first)).body("version", equalTo(1));
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(assessment("GM0037", 2019)).post("/api/submissions").then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));

        given().auth().oauth2(token).get("/api/municipalities/GM0037/submissions").then().statusCode(200)
                .body("id", contains(first));
    }

    @Test
    void an_invalid_assessment_is_refused_with_every_problem_and_nothing_is_stored_or_published() throws Exception {
        String invalid = assessment("GM0047", 2017)
                .replace("\"attention-officer\"", "\"no-such-measure\"")
                .replace("\"share\": \"MORE_THAN_HALF\"", "\"share\": null")
                .replace("\"current\": 6", "\"current\": 11");

        submit(TestTokens.respondent("GM0047"), invalid).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", contains("goals[0].inhoud.categories[0].options[0].option",
                        "goals[0].bereik.share", "extras.grades.current"))
                .body("errors.code", contains("unknown-option", "required", "out-of-range"));

        given().auth().oauth2(TestTokens.respondent("GM0047")).get("/api/municipalities/GM0047/submissions").then()
                .statusCode(200).body("$", hasSize(0));
        // The next event of this municipality is the valid submission that follows: the refused one sent nothing.
        String valid = submit(TestTokens.respondent("GM0047"), assessment("GM0047", 2017)).then().statusCode(201)
                .extract().path("id");
        awaitEvent(valid);
        assertThat(events.seen()).filteredOn(r -> r.key().equals("GM0047")).hasSize(1);
    }

    @Test
    void a_text_over_2000_characters_is_refused_at_its_field_and_a_body_over_256_kb_as_too_large() {
        String token = TestTokens.respondent("GM0050");
        String longText = assessment("GM0050", 2017).replace("\"text\": \"Convenant\"",
                "\"text\": \"" + "x".repeat(2_001) + "\"");
        submit(token, longText).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("goals[0].inhoud.categories[1].options[0].text"))
                .body("errors.code", contains("too-long"));

        String huge = assessment("GM0050", 2017).replace("\"text\": \"Convenant\"",
                "\"text\": \"" + "x".repeat(300 * 1024) + "\"");
        submit(token, huge).then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors.field", contains("body"))
                .body("errors.code", contains("too-large"));

        given().auth().oauth2(token).get("/api/municipalities/GM0050/submissions").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void a_chunked_body_of_12_mb_is_refused_as_too_large_and_nothing_is_stored() {
        String token = TestTokens.respondent("GM0050");
        ChunkedUpload.Answer answer = ChunkedUpload.post(URI.create(baseUrl.toString()), "/api/submissions", token,
                "{\"municipality\": \"GM0050\", \"year\": 2017, \"questionnaireVersion\": 1, \"padding\": \"",
                12L * 1024 * 1024, DEADLINE);

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"body\"", "\"code\":\"too-large\"");
        // The answer came at the limit, long before the whole body was sent: the server did not take it all in first.
        assertThat(answer.bytesSentBeforeAnswer()).isLessThan(8L * 1024 * 1024);
        assertThat(answer.closedByServer()).as("the connection closed after the 413, the rest unread").isTrue();
        given().auth().oauth2(token).get("/api/municipalities/GM0050/submissions").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void unreadable_json_and_unknown_municipalities_name_the_field() {
        submit(TestTokens.admin(), "{\"municipality\": \"GM0014\", \"year\": \"twenty\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        submit(TestTokens.admin(), "{\"municipality\": ").then().statusCode(400)
                .contentType("application/problem+json");
        submit(TestTokens.admin(), assessment("GM9999", 2017)).then().statusCode(422)
                .body("errors[0].field", equalTo("municipality")).body("errors[0].code", equalTo("unknown-municipality"));
    }

    @Test
    void a_years_data_lives_under_the_codes_of_that_years_division() {
        // Bellingwedde (GM0007), of the 2013 and 2017 divisions, part of Westerwolde (GM1950) since 2018.
        submit(TestTokens.admin(), assessment("GM0007", 2014)).then().statusCode(201)
                .body("municipality", equalTo("GM0007")).body("year", equalTo(2014));
        submit(TestTokens.admin(), assessment("GM0007", 2017)).then().statusCode(201)
                .body("municipality", equalTo("GM0007"));
        submit(TestTokens.admin(), assessment("GM0007", 2022)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("municipality")).body("errors[0].code", equalTo("unknown-municipality"))
                .body("errors[0].message", startsWith("GM0007 is not in the 2021 division"))
                .body("errors[0].message", containsString("Bellingwedde became GM1950"));
        // a 2021-only code is not silently accepted for 2017: its area answered as Bellingwedde and Vlagtwedde
        submit(TestTokens.admin(), assessment("GM1950", 2017)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("municipality")).body("errors[0].code", equalTo("unknown-municipality"))
                .body("errors[0].message", startsWith("GM1950 is not in the 2017 division"))
                .body("errors[0].message", containsString("GM0007 Bellingwedde, GM0048 Vlagtwedde"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM1950/submissions").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void respondents_act_only_for_their_own_municipality() {
        submit(TestTokens.respondent("GM0014"), assessment("GM0034", 2017)).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/municipalities/GM0034/submissions").then()
                .statusCode(403);
        submit(TestTokens.analyst(), assessment("GM0014", 2017)).then().statusCode(403);
    }

    @Test
    void coordinators_read_their_own_region_only() {
        // GM0014 Groningen lies in the Veilig Thuis region Groningen; GM0034 Almere in Flevoland.
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/municipalities/GM0014/submissions")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/municipalities/GM0034/submissions")
                .then().statusCode(403);
    }

    @Test
    void every_api_needs_a_validly_signed_token_but_openapi_does_not_and_health_and_metrics_are_on_the_management_port() {
        given().get("/api/questionnaire").then().statusCode(401);
        given().auth().oauth2(TestTokens.wronglySigned()).get("/api/questionnaire").then().statusCode(401);
        given().get("/openapi").then().statusCode(200);
        given().get(managementReady).then().statusCode(200);
        given().get(managementMetrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void the_questionnaire_lists_the_ten_goals_with_their_options() throws Exception {
        String body = given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/questionnaire").then()
                .statusCode(200).body("version", equalTo(1)).body("goals", hasSize(10))
                .body("goals[0].categories[0].options.label", hasItem("(geen onderdeel van beleid)"))
                .extract().asString();
        JsonNode tree = json.readTree(body);
        assertThat(tree.at("/goals/4/categories").size()).isEqualTo(5);
        given().auth().oauth2(TestTokens.analyst()).get("/api/questionnaire/7").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void the_second_questionnaire_is_served_and_answered_as_data() {
        // Questionnaire version 2, the BMC 2015 points of attention: eleven goals, no extra questions.
        given().auth().oauth2(TestTokens.respondent("GM0034")).get("/api/questionnaire/2").then().statusCode(200)
                .body("version", equalTo(2)).body("goals", hasSize(11))
                .body("goals[10].title", equalTo("Heldere afspraken over tijdig op- en afschalen Veilig Thuis"))
                .body("extraQuestions", hasSize(0));
        String point11 = """
                {"municipality": "GM0034", "year": 2087, "questionnaireVersion": 2,
                 "goals": [
                   {"goal": 11,
                    "borging": {"inclusion": "INCLUDED", "laidDown": true, "documents": ["cooperation-agreement"]},
                    "inhoud": {"deploysMeasures": true, "categories": [
                        {"category": "escalation", "options": [{"option": "escalation-agreements"}]},
                        {"category": "expertise", "options": [{"option": "not-in-policy"}]}]},
                    "bereik": {"insight": true, "share": "MORE_THAN_HALF"}}]%s}
                """;
        // An extra question version 2 does not ask, and a point 12, are refused naming their fields.
        submit(TestTokens.respondent("GM0034"), point11.formatted(", \"extras\": {\"regionalVision\": \"yes\"}"))
                .then().statusCode(422).body("errors.field", hasItem("extras.regionalVision"))
                .body("errors.code", hasItem("unknown-question"));
        submit(TestTokens.respondent("GM0034"), point11.replace("\"goal\": 11", "\"goal\": 12").formatted(""))
                .then().statusCode(422).body("errors.field", hasItem("goals[0].goal"));

        Response created = submit(TestTokens.respondent("GM0034"), point11.formatted(""));
        created.then().statusCode(201);
        SurveySubmitted event = awaitEvent(created.jsonPath().getString("id"));
        assertThat(event.questionnaireVersion()).isEqualTo(2);
        assertThat(event.goals()).extracting(GoalAnswer::goal).containsExactly(11);
        // 2087 is now answered with version 2: a version 1 submission of that year is refused before it is stored.
        submit(TestTokens.respondent("GM0037"), assessment("GM0037", 2087)).then().statusCode(422)
                .body("errors.field", hasItem("questionnaireVersion")).body("errors.code", hasItem("other-version"));
    }

    @Test
    void the_municipalities_carry_region_and_size_class() {
        List<String> names = given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities").then()
                .statusCode(200).body("$", hasSize(352)).extract().path("name");
        assertThat(names).contains("Amsterdam", "Vaals");
    }

    @Test
    void the_municipalities_of_a_year_are_those_of_its_division() {
        // 2014 invites the 408 of 1 January 2013: Bellingwedde (GM0007, in Westerwolde since 2018) under its name then
        List<String> codes2014 = given().auth().oauth2(TestTokens.respondent("GM0037"))
                .get("/api/municipalities?year=2014").then().statusCode(200).body("$", hasSize(408))
                .body("find { it.code == 'GM0007' }.name", equalTo("Bellingwedde"))
                .body("find { it.code == 'GM0007' }.region", equalTo("Groningen"))
                .extract().path("code");
        assertThat(codes2014).doesNotContain("GM1950");
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities?year=2017").then().statusCode(200)
                .body("$", hasSize(388));
        List<String> codes2021 = given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities?year=2021")
                .then().statusCode(200).body("$", hasSize(352)).extract().path("code");
        assertThat(codes2021).contains("GM1950").doesNotContain("GM0007");
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities?year=1999").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities?year=twenty").then().statusCode(422)
                .body("errors[0].field", equalTo("year"));
    }
}
