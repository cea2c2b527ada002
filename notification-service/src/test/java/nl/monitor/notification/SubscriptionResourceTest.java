package nl.monitor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.monitor.testsupport.ChunkedUpload;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Subscription management and the access rules of every endpoint. Uses regions no crossing test alerts. */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class SubscriptionResourceTest {

    private static final String ZEELAND = TestTokens.coordinator("Zeeland");
    private static final String TWENTE = TestTokens.coordinator("Twente");

    @TestHTTPResource("/")
    URL baseUrl;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL managementReady;

    private static Response post(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/subscriptions");
    }

    private static Map<String, String> subscription(String region, String url) {
        return Map.of("region", region, "url", url, "description", "team inbox");
    }

    @Test
    void a_coordinator_creates_reads_lists_and_deletes_its_regions_subscriptions() {
        Response created = post(ZEELAND, subscription("Zeeland", "https://hooks.example.org/zeeland"));
        created.then().statusCode(201)
                .body("region", equalTo("Zeeland")).body("url", equalTo("https://hooks.example.org/zeeland"))
                .body("channel", equalTo("WEBHOOK")).body("owner", equalTo("coordinator-zeeland"))
                .body("description", equalTo("team inbox"));
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith("/api/subscriptions/" + id);
        String generated = created.jsonPath().getString("secret");
        assertThat(generated).as("a generated secret, returned once, by the Standard Webhooks specification")
                .startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(generated.substring("whsec_".length()))).hasSize(32);

        String standard = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
        String standardId = post(ZEELAND, Map.of("region", "Zeeland", "url", "http://127.0.0.1:9/zeeland-standard",
                "secret", standard)).then().statusCode(201).body("$", not(hasKey("secret"))).extract().path("id");
        // a plain-text secret (the form before the standard) is taken and answered in the standard form, same key
        String own = post(ZEELAND, Map.of("region", "Zeeland", "url", "http://127.0.0.1:9/zeeland",
                "secret", "zeeland-own-secret-0001")).then().statusCode(201)
                .body("secret", equalTo("whsec_" + Base64.getEncoder().encodeToString(
                        "zeeland-own-secret-0001".getBytes(StandardCharsets.UTF_8)))).extract().path("id");

        given().auth().oauth2(ZEELAND).get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id)).body("$", not(hasKey("secret")));
        given().auth().oauth2(ZEELAND).get("/api/subscriptions").then().statusCode(200)
                .body("id", hasItems(id, own)).body("region", everyItem(equalTo("Zeeland")))
                .body("secret", everyItem(nullValue()));
        given().auth().oauth2(TestTokens.analyst()).get("/api/subscriptions").then().statusCode(200)
                .body("id", hasItems(id, own));
        given().auth().oauth2(TestTokens.analyst()).get("/api/subscriptions?region=Zeeland").then().statusCode(200)
                .body("id", containsInAnyOrder(id, own, standardId));

        given().auth().oauth2(ZEELAND).delete("/api/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(ZEELAND).get("/api/subscriptions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ZEELAND).delete("/api/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(ZEELAND).get("/api/subscriptions").then().statusCode(200)
                .body("id", not(hasItem(id))).body("id", hasItem(own));
        given().auth().oauth2(TestTokens.admin()).delete("/api/subscriptions/" + own).then().statusCode(204);
    }

    @Test
    void a_chunked_body_of_12_mb_is_refused_as_too_large_and_nothing_is_stored() {
        ChunkedUpload.Answer answer = ChunkedUpload.post(URI.create(baseUrl.toString()), "/api/subscriptions", ZEELAND,
                "{\"region\": \"Zeeland\", \"url\": \"https://hooks.example.org/chunked\", \"description\": \"",
                12L * 1024 * 1024, Duration.ofSeconds(30));

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"body\"", "\"code\":\"too-large\"");
        assertThat(answer.bytesSentBeforeAnswer()).isLessThan(8L * 1024 * 1024);
        assertThat(answer.closedByServer()).isTrue();
        given().auth().oauth2(ZEELAND).get("/api/subscriptions").then().statusCode(200)
                .body("url", not(hasItem("https://hooks.example.org/chunked")));
    }

    @Test
    void another_regions_coordinator_is_refused_with_403() {
        String id = post(ZEELAND, subscription("Zeeland", "https://hooks.example.org/zeeland-2")).then()
                .statusCode(201).extract().path("id");

        post(TWENTE, subscription("Zeeland", "https://hooks.example.org/intruder")).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(TWENTE).get("/api/subscriptions/" + id).then().statusCode(403);
        given().auth().oauth2(TWENTE).get("/api/subscriptions/" + id + "/deliveries").then().statusCode(403);
        given().auth().oauth2(TWENTE).delete("/api/subscriptions/" + id).then().statusCode(403);
        given().auth().oauth2(TWENTE).get("/api/subscriptions?region=Zeeland").then().statusCode(403);
        given().auth().oauth2(TWENTE).get("/api/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(ZEELAND).get("/api/subscriptions/" + id).then().statusCode(200);
    }

    @Test
    void a_colleague_of_the_same_region_sees_a_subscription_without_its_url_and_only_its_owner_or_an_admin_deletes_it() {
        String colleague = TestTokens.sign(TestTokens.builder("coordinator-zeeland-2", "coordinator")
                .claim("region", "Zeeland"));
        String id = post(ZEELAND, subscription("Zeeland", "https://hooks.example.org/zeeland-own")).then()
                .statusCode(201).extract().path("id");

        // The URL (often a capability) in full for its owner and admins only; others see scheme and host.
        given().auth().oauth2(colleague).get("/api/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.org/…"));
        given().auth().oauth2(colleague).get("/api/subscriptions").then().statusCode(200)
                .body("url", hasItem("https://hooks.example.org/…"))
                .body("url", not(hasItem("https://hooks.example.org/zeeland-own")));
        given().auth().oauth2(TestTokens.analyst()).get("/api/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.org/…"));
        given().auth().oauth2(TestTokens.admin()).get("/api/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.org/zeeland-own"));
        given().auth().oauth2(ZEELAND).get("/api/subscriptions").then().statusCode(200)
                .body("url", hasItem("https://hooks.example.org/zeeland-own"));
        given().auth().oauth2(colleague).delete("/api/subscriptions/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(ZEELAND).get("/api/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.org/zeeland-own"));
        given().auth().oauth2(ZEELAND).delete("/api/subscriptions/" + id).then().statusCode(204);

        String another = post(ZEELAND, subscription("Zeeland", "https://hooks.example.org/zeeland-other")).then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.admin()).delete("/api/subscriptions/" + another).then().statusCode(204);
    }

    @Test
    void analysts_read_but_do_not_manage_and_respondents_see_nothing() {
        String id = post(TestTokens.admin(), subscription("Zeeland", "https://hooks.example.org/admin")).then()
                .statusCode(201).body("owner", equalTo("admin")).extract().path("id");

        given().auth().oauth2(TestTokens.analyst()).get("/api/subscriptions/" + id).then().statusCode(200);
        post(TestTokens.analyst(), subscription("Zeeland", "https://hooks.example.org/analyst")).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).delete("/api/subscriptions/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0654")).get("/api/subscriptions").then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0654")).get("/api/alerts").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).delete("/api/subscriptions/" + id).then().statusCode(204);
    }

    @Test
    void invalid_subscriptions_are_refused_with_422_naming_the_field_and_nothing_is_stored() {
        for (String url : List.of("ftp://hooks.example.org/x", "not a url", "/relative/path", "https:///no-host",
                "mailto:someone@example.org")) {
            post(ZEELAND, subscription("Zeeland", url)).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("url")).body("errors[0].code", equalTo("invalid-url"));
        }
        post(TestTokens.admin(), subscription("Atlantis", "https://hooks.example.org/a")).then().statusCode(422)
                .body("errors.field", contains("region")).body("errors[0].code", equalTo("unknown-region"));
        for (String secret : List.of("too-short", "whsec_" + Base64.getEncoder().encodeToString(new byte[16]),
                "whsec_not base64!", "whsec_")) {
            post(ZEELAND, Map.of("region", "Zeeland", "url", "https://hooks.example.org/a", "secret", secret))
                    .then().statusCode(422).body("errors.field", contains("secret"))
                    .body("errors[0].code", equalTo("invalid-secret"));
        }
        post(TestTokens.admin(), Map.of("url", "relative")).then().statusCode(422)
                .body("errors.field", contains("region", "url")).body("errors.code", contains("required", "invalid-url"));
        given().auth().oauth2(ZEELAND).contentType(ContentType.JSON).body("{\"region\": ").post("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.analyst()).get("/api/subscriptions").then().statusCode(200)
                .body("url", not(hasItem("not a url"))).body("region", not(hasItem("Atlantis")));
    }

    @Test
    void every_api_needs_a_validly_signed_token_but_openapi_does_not_and_health_is_on_the_management_port() {
        given().get("/api/subscriptions").then().statusCode(401);
        given().contentType(ContentType.JSON).body(subscription("Zeeland", "https://hooks.example.org/anonymous"))
                .post("/api/subscriptions").then().statusCode(401);
        given().get("/api/alerts").then().statusCode(401);
        given().auth().oauth2(TestTokens.wronglySigned()).get("/api/subscriptions").then().statusCode(401);
        given().get(managementReady).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/openapi").then().statusCode(200);
    }

    @Test
    void alerts_are_read_by_region_with_the_same_rules() {
        given().auth().oauth2(TWENTE).get("/api/alerts?region=Zeeland").then().statusCode(403);
        given().auth().oauth2(TWENTE).get("/api/alerts?municipality=GM0654").then().statusCode(403);
        given().auth().oauth2(TWENTE).get("/api/alerts").then().statusCode(200)
                .body("region", everyItem(equalTo("Twente")));
        given().auth().oauth2(TestTokens.analyst()).get("/api/alerts?region=Atlantis").then().statusCode(422)
                .body("errors.field", contains("region"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/alerts?municipality=GM9999").then().statusCode(422)
                .body("errors.field", contains("municipality"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/alerts?limit=0").then().statusCode(422)
                .body("errors.field", contains("limit"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/subscriptions/00000000-0000-0000-0000-000000000000"
                + "/deliveries").then().statusCode(404);
    }
}
