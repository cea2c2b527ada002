package nl.monitor.survey.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.testsupport.MonitorInfrastructure;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The questionnaire's Content-Security-Policy (rest-support SecurityHeaders). */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class SecurityHeadersTest {

    @Test
    void the_questionnaire_runs_only_its_own_scripts_and_calls_only_the_configured_reporting_service() {
        given().when().get("/vragenlijst/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8083;"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }
}
