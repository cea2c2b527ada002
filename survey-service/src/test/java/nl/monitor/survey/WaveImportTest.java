package nl.monitor.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import nl.monitor.contracts.EventType;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.survey.service.SubmissionRequest;
import nl.monitor.survey.service.SubmissionService;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class WaveImportTest {

    @Inject
    SubmissionService submissions;

    @Inject
    ObjectMapper json;

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private TopicReader events;

    @BeforeEach
    void readEvents() {
        events = new TopicReader(EventType.SURVEY_SUBMITTED.topic());
    }

    @AfterEach
    void closeReader() {
        events.close();
    }

    /** A row without a year: the wave's year applies. */
    private static String row(String municipality) {
        return SubmissionResourceTest.assessment(municipality, 0).replace("\"year\": 0, ", "");
    }

    private static Response importWave(String token, String idempotencyKey, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/imports");
    }

    @Test
    void valid_rows_are_stored_and_published_and_invalid_ones_rejected_with_their_reasons() {
        String body = """
                {"year": 2014, "rows": [%s, %s, %s, %s, %s]}""".formatted(
                row("GM0088"),
                row("GM9999"),
                row("GM0090").replace("\"attention-officer\"", "\"skywriting\""),
                row("GM0088"),
                SubmissionResourceTest.assessment("GM0093", 2017));

        importWave(TestTokens.admin(), null, body).then().statusCode(200)
                .body("year", equalTo(2014)).body("rows", equalTo(5))
                .body("accepted", equalTo(1)).body("rejected", equalTo(4))
                .body("results.status", contains("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("results[0].version", equalTo(1))
                .body("results[1].errors.field", hasItem("rows[1].municipality"))
                .body("results[1].errors.code", hasItem("unknown-municipality"))
                .body("results[2].errors.field", hasItem("rows[2].goals[0].inhoud.categories[0].options[0].option"))
                .body("results[3].errors.code", contains("duplicate"))
                .body("results[4].errors.field", contains("rows[4].year"));

        List<ConsumerRecord<String, String>> published = events.await(r -> r.key().equals("GM0088"), 1, DEADLINE);
        assertThat(published.get(0).value()).contains("\"year\":2014");
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0088/submissions").then()
                .statusCode(200).body("year", contains(2014));
        // Nothing of the rejected rows was stored.
        for (String rejected : List.of("GM0090", "GM0093")) {
            given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/" + rejected + "/submissions")
                    .then().statusCode(200).body("size()", equalTo(0));
        }
    }

    @Test
    void a_retried_import_with_the_same_idempotency_key_stores_nothing_twice() {
        String body = """
                {"year": 2017, "rows": [%s, %s]}""".formatted(row("GM0096"), row("GM0098"));

        importWave(TestTokens.admin(), "wave-2017-retry", body).then().statusCode(200)
                .body("accepted", equalTo(2)).body("results.version", contains(1, 1));
        importWave(TestTokens.admin(), "wave-2017-retry", body).then().statusCode(200)
                .body("accepted", equalTo(0)).body("alreadyImported", equalTo(2))
                .body("results.status", contains("ALREADY_IMPORTED", "ALREADY_IMPORTED"))
                .body("results.version", contains(1, 1));

        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0096/submissions").then()
                .statusCode(200).body("version", contains(1));
    }

    @Test
    void a_row_that_fails_while_stored_is_rejected_alone_and_the_rows_of_its_transaction_are_stored() {
        String first = """
                {"year": 2018, "rows": [%s, %s]}""".formatted(row("GM0106"), row("GM0109"));
        importWave(TestTokens.admin(), "wave-2018", first).then().statusCode(200).body("accepted", equalTo(2));

        // Row 1 reuses its Idempotency-Key with other answers: only storing it finds that out, after the rows of
        // its transaction were written; they are stored again one by one and only row 1 is rejected.
        String second = """
                {"year": 2018, "rows": [%s, %s, %s]}""".formatted(row("GM0106"),
                row("GM0109").replace("Convenant", "Convenant met de GGD"), row("GM0114"));
        importWave(TestTokens.admin(), "wave-2018", second).then().statusCode(200)
                .body("results.status", contains("ALREADY_IMPORTED", "REJECTED", "ACCEPTED"))
                .body("results[1].errors.field", contains("Idempotency-Key"))
                .body("results[1].errors.code", contains("idempotency-key-reused"));

        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0109/submissions").then()
                .statusCode(200).body("version", contains(1));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0114/submissions").then()
                .statusCode(200).body("version", contains(1));
    }

    @Test
    void a_chunk_is_stored_as_the_next_version_of_each_municipality_in_one_go() throws Exception {
        // two municipalities from the middle of the division, which no other test of this class imports
        List<Municipality> all = MunicipalityDivisions.forYear(2019).all();
        String first = all.get(all.size() / 2).code();
        String second = all.get(all.size() / 2 + 1).code();
        importWave(TestTokens.admin(), null, """
                {"year": 2019, "rows": [%s]}""".formatted(row(first))).then().statusCode(200)
                .body("results.version", contains(1));

        // what an import's chunk calls (without the import's fallback to one row at a time): the first has a
        // version of 2019 already, the second none
        List<SubmissionRequest> chunk = List.of(request(first, 2019), request(second, 2019));
        List<String> keys = Arrays.asList(null, "chunk-" + second);
        List<SubmissionService.Submitted> stored = QuarkusTransaction.requiringNew()
                .call(() -> submissions.submitAll(2019, chunk, "admin", keys));
        assertThat(stored).extracting(s -> s.submission().version()).containsExactly(2, 1);
        assertThat(stored).allMatch(SubmissionService.Submitted::created);
        assertThat(stored).allMatch(s -> s.submission().current());

        List<SubmissionService.Submitted> again = QuarkusTransaction.requiringNew()
                .call(() -> submissions.submitAll(2019, chunk.subList(1, 2), "admin", keys.subList(1, 2)));
        assertThat(again).extracting(SubmissionService.Submitted::created).containsExactly(false);
        assertThat(again.get(0).submission().id()).isEqualTo(stored.get(1).submission().id());

        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/" + first + "/submissions?year=2019")
                .then().statusCode(200).body("version", contains(2, 1)).body("current", contains(true, false));
        events.await(r -> r.key().equals(first) && r.value().contains("\"year\":2019")
                && r.value().contains("\"version\":2"), 1, DEADLINE);
    }

    private SubmissionRequest request(String municipality, int year) throws Exception {
        return json.readValue(SubmissionResourceTest.assessment(municipality, year), SubmissionRequest.class);
    }

    @Test
    void a_wave_of_a_hundred_rows_is_imported_in_one_call() {
        List<Municipality> all = MunicipalityDivisions.forYear(2016).all();
        List<String> codes = all.subList(all.size() - 100, all.size()).stream().map(Municipality::code).toList();
        String body = """
                {"year": 2016, "rows": [%s]}""".formatted(codes.stream().map(WaveImportTest::row)
                .collect(Collectors.joining(",")));

        importWave(TestTokens.admin(), null, body).then().statusCode(200)
                .body("rows", equalTo(100)).body("accepted", equalTo(100));
        events.await(r -> codes.contains(r.key()) && r.value().contains("\"year\":2016"), 100, DEADLINE);
    }

    @Test
    void only_admins_import_and_an_unusable_import_is_refused_naming_the_field() {
        String body = """
                {"year": 2014, "rows": [%s]}""".formatted(row("GM0106"));
        importWave(TestTokens.respondent("GM0106"), null, body).then().statusCode(403);
        importWave(TestTokens.coordinator("Drenthe"), null, body).then().statusCode(403);
        importWave(TestTokens.analyst(), null, body).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/imports").then().statusCode(401);

        importWave(TestTokens.admin(), null, "{\"rows\": []}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("year", "rows"));
        importWave(TestTokens.admin(), null, "{\"year\": 2014, \"rows\": [").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
