package nl.monitor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.notification.Crossings.down;
import static nl.monitor.notification.Crossings.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Webhooks cannot be aimed inside (no server-side request forgery): refused at creation, and refused again at send
 * time when the name has come to resolve elsewhere; and a webhook subscription's secret is rotated. The test profile
 * allows 127.0.0.1 (notification.webhook.allowed-hosts) and http; every other internal address is refused.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
@QuarkusTestResource(TlsReceiver.class)
class WebhookSecurityTest {

    private static final String BRABANT = TestTokens.coordinator("West-Brabant");
    private static final String RIJNMOND = TestTokens.coordinator("Rotterdam-Rijnmond");

    private static Response post(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/subscriptions");
    }

    @Test
    void a_webhook_url_that_leads_inside_is_refused_at_creation_naming_the_url() {
        TestHostResolver.answer("metadata.rebind.test", "169.254.169.254");
        TestHostResolver.answer("half-inside.rebind.test", "93.184.215.14", "10.0.0.7");
        for (String url : List.of("http://127.0.0.2:8080/x", "http://localhost.localdomain.invalid/x",
                "http://10.0.0.1/x", "http://172.16.5.4/x", "http://192.168.1.1/x",
                "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/x", "http://0.0.0.0:8084/x",
                "http://224.0.0.1/x", "http://[::1]:8084/x", "http://[::]/x", "http://[fd00::1]/x",
                "http://[fe80::1]/x", "http://[::ffff:10.0.0.1]/x", "http://[::ffff:169.254.169.254]/x",
                "http://metadata.rebind.test/x", "http://half-inside.rebind.test/x")) {
            String code = url.contains(".invalid") ? "unresolvable-host" : "forbidden-address";
            post(BRABANT, Map.of("region", "West-Brabant", "url", url)).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("url")).body("errors[0].code", equalTo(code));
        }
        given().auth().oauth2(TestTokens.analyst()).get("/api/subscriptions?region=West-Brabant").then()
                .statusCode(200).body("url", not(contains(startsWith("http://169.254"))));
    }

    /**
     * The name resolved to an allowed address when the subscription was made, and to the metadata address when the
     * alert is sent: the call is refused without a connection, the log says only "address not allowed", and when the
     * name points back the retry reaches the receiver, connected to the checked address with the name in Host.
     */
    @Test
    void a_name_that_resolves_inside_after_creation_is_refused_at_send_time() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            String name = "brabant-hooks.rebind.test";
            TestHostResolver.answer(name, "127.0.0.1");
            String subscription = post(BRABANT, Map.of("region", "West-Brabant", "url", receiver.url(name)))
                    .then().statusCode(201).extract().path("id");

            TestHostResolver.answer(name, "169.254.169.254");
            publish(down("GM0748", "West-Brabant", 11.0));
            Map<String, Object> attempt = awaitFirstAttempt(subscription);
            assertThat(attempt.get("error")).isEqualTo("address not allowed");
            assertThat(attempt.get("httpStatus")).isNull();
            assertThat(receiver.requests()).isEmpty();

            TestHostResolver.answer(name, "127.0.0.1");
            RecordingReceiver.Request request = receiver.await(1, Duration.ofSeconds(30)).get(0);
            assertThat(request.host()).isEqualTo(name + ":" + receiver.url().replaceAll(".*:(\\d+)/.*", "$1"));
            assertThat(Deliveries.settled("West-Brabant", subscription, 1).get(0))
                    .containsEntry("status", "DELIVERED").containsEntry("attemptsMade", 2);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitFirstAttempt(String subscription) {
        return org.awaitility.Awaitility.await("a first attempt").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(BRABANT).get("/api/subscriptions/" + subscription + "/deliveries")
                                .then().statusCode(200).extract().<List<Map<String, Object>>>path("$"),
                        deliveries -> deliveries.size() == 1
                                && !((List<?>) deliveries.get(0).get("attempts")).isEmpty())
                .stream().map(d -> ((List<Map<String, Object>>) d.get("attempts")).get(0)).findFirst().orElseThrow();
    }

    /**
     * https to a name that resolves to the checked address: the call connects to that address and still presents the
     * name to TLS, so the certificate (issued for the name only) is verified for the name; a name the certificate does
     * not cover, on the same address and port, fails the handshake.
     */
    @Test
    void an_https_call_goes_to_the_checked_address_and_verifies_the_certificate_for_the_name() throws Exception {
        try (TlsReceiver.Server receiver = new TlsReceiver.Server()) {
            TestHostResolver.answer(TlsReceiver.NAME, "127.0.0.1");
            TestHostResolver.answer("not-in-the-certificate.rebind.test", "127.0.0.1");
            String good = post(BRABANT, Map.of("region", "West-Brabant", "url", receiver.url(TlsReceiver.NAME)))
                    .then().statusCode(201).extract().path("id");
            String wrongName = post(BRABANT, Map.of("region", "West-Brabant",
                    "url", receiver.url("not-in-the-certificate.rebind.test"))).then().statusCode(201).extract().path("id");

            publish(down("GM0777", "West-Brabant", 13.0));

            assertThat(Deliveries.settled("West-Brabant", good, 1).get(0)).containsEntry("status", "DELIVERED");
            assertThat(receiver.hosts()).containsExactly(TlsReceiver.NAME + ":" + receiver.port());
            Map<String, Object> refused = awaitFirstAttempt(wrongName);
            assertThat(refused.get("error")).isEqualTo("TLS handshake failed");
            given().auth().oauth2(BRABANT).delete("/api/subscriptions/" + good).then().statusCode(204);
            given().auth().oauth2(BRABANT).delete("/api/subscriptions/" + wrongName).then().statusCode(204);
        }
    }

    @Test
    void the_owner_rotates_a_webhook_secret_and_the_previous_one_stays_valid_for_the_overlap() {
        String id = post(RIJNMOND, Map.of("region", "Rotterdam-Rijnmond", "url", "https://hooks.example.org/rijnmond"))
                .then().statusCode(201).extract().path("id");
        String colleague = TestTokens.sign(TestTokens.builder("coordinator-rijnmond-2", "coordinator")
                .claim("region", "Rotterdam-Rijnmond"));

        given().auth().oauth2(colleague).post("/api/subscriptions/" + id + "/secret").then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Twente")).post("/api/subscriptions/" + id + "/secret").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).post("/api/subscriptions/" + id + "/secret").then()
                .statusCode(403);
        Response rotated = given().auth().oauth2(RIJNMOND).post("/api/subscriptions/" + id + "/secret");
        rotated.then().statusCode(200).body("subscriptionId", equalTo(id)).body("secret", startsWith("whsec_"));
        Instant until = Instant.parse(rotated.jsonPath().getString("previousSecretValidUntil"));
        assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        given().auth().oauth2(RIJNMOND).get("/api/subscriptions/" + id).then().statusCode(200)
                .body("previousSecretValidUntil", equalTo(rotated.jsonPath().getString("previousSecretValidUntil")))
                .body("secret", nullValue());
        given().auth().oauth2(TestTokens.admin()).post("/api/subscriptions/" + id + "/secret").then().statusCode(200)
                .body("secret", not(equalTo(rotated.jsonPath().getString("secret"))));

        String stream = post(RIJNMOND, Map.of("region", "Rotterdam-Rijnmond", "channel", "STREAM")).then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(RIJNMOND).post("/api/subscriptions/" + stream + "/secret").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(RIJNMOND).post("/api/subscriptions/00000000-0000-0000-0000-000000000000/secret")
                .then().statusCode(404);
    }
}
