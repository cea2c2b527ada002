package nl.monitor.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The dashboard's Content-Security-Policy and the headers every answer carries (rest-support SecurityHeaders). */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class SecurityHeadersTest {

    @Test
    void the_dashboard_runs_only_its_own_scripts_and_cannot_be_framed() {
        for (String path : new String[] {"/dashboard/", "/dashboard/app.js", "/dashboard/meldingen.js",
            "/dashboard/beheer.js"}) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    // its own service, the notification-service of the "Meldingen" page and the survey- and
                    // scoring-service of "Beheer" (their default URLs here)
                    .header("Content-Security-Policy", containsString(
                            "connect-src 'self' http://localhost:8084 http://localhost:8081 http://localhost:8082;"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }

    @Test
    void the_shared_modules_of_web_foundation_are_served_from_the_dependency_jar() {
        for (String module : new String[] {"api.js", "format.js", "bands.js", "sse.js"}) {
            given().when().get("/shared/" + module).then().statusCode(200)
                    .header("Content-Type", containsString("javascript"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }

    @Test
    void api_answers_carry_nosniff_and_no_referrer_but_no_page_policy() {
        given().when().get("/api/regions").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Content-Security-Policy", nullValue());
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/regions").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", nullValue());
        given().when().get("/sign-in").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
