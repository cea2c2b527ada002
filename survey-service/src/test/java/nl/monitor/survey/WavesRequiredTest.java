package nl.monitor.survey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.survey.SubmissionResourceTest.assessment;
import static nl.monitor.survey.WaveResourceTest.wave;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The production setting {@code survey.waves.years-without-wave=closed}: a year nobody opened a wave for takes no
 * submission, draft or import. The years 2071-2073 are this test's own.
 */
@QuarkusTest
@TestProfile(WavesRequiredTest.YearsWithoutWaveClosed.class)
@QuarkusTestResource(MonitorInfrastructure.class)
class WavesRequiredTest {

    public static class YearsWithoutWaveClosed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("survey.waves.years-without-wave", "closed");
        }
    }

    @Test
    void a_year_without_a_wave_refuses_submissions_drafts_and_imports_and_an_open_wave_takes_them() {
        String respondent = TestTokens.respondent("GM0014");
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body(assessment("GM0014", 2071))
                .post("/api/submissions").then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/wave-not-open")).body("detail", containsString("No wave has been opened"));
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body("{\"version\": 0, \"goals\": []}")
                .put("/api/municipalities/GM0014/years/2071/draft").then().statusCode(409);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"year\": 2071, \"rows\": [" + assessment("GM0014", 2071) + "]}").post("/api/imports").then()
                .statusCode(409).body("detail", containsString("No wave exists for 2071"));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(wave(2072, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS)))
                .post("/api/admin/waves").then().statusCode(201);
        given().auth().oauth2(respondent).contentType(ContentType.JSON).body(assessment("GM0014", 2072))
                .post("/api/submissions").then().statusCode(201).body("version", equalTo(1));

        // A historic wave, opened and closed at once, is loaded by the import.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(wave(2073, Instant.parse("2014-03-01T00:00:00Z"), Instant.parse("2014-06-01T00:00:00Z")))
                .post("/api/admin/waves").then().statusCode(201).body("divisionYear", equalTo(2021));
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/waves/2073/close").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"year\": 2073, \"rows\": [" + assessment("GM0014", 2073) + "]}").post("/api/imports").then()
                .statusCode(200).body("accepted", equalTo(1));
    }
}
