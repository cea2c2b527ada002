package nl.monitor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Send test call" of the dashboard: a signed test payload goes to the webhook now, verifiable with the official
 * Standard Webhooks library, and the receiver's answer comes back; nothing enters the delivery log.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class WebhookTestCallTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String UTRECHT = TestTokens.coordinator("Utrecht");
    private final ObjectMapper json = new ObjectMapper();

    private static Map<String, Object> subscribe(Map<String, Object> body) {
        return given().auth().oauth2(UTRECHT).contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(201).extract().path("$");
    }

    @Test
    void a_test_call_is_signed_as_real_deliveries_and_answers_what_the_receiver_said() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver(204, 500)) {
            Map<String, Object> created = subscribe(Map.of("region", "Utrecht", "url", receiver.url()));
            String id = (String) created.get("id");

            Response first = given().auth().oauth2(UTRECHT).post("/api/subscriptions/" + id + "/test");
            first.then().statusCode(200).body("delivered", equalTo(true)).body("httpStatus", equalTo(204));
            RecordingReceiver.Request call = receiver.await(1, DEADLINE).get(0);
            assertThat(call.id()).isEqualTo(first.jsonPath().getString("deliveryId"));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            call.webhookHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
            new Webhook((String) created.get("secret")).verify(call.text(), headers); // throws when not valid
            JsonNode body = json.readTree(call.text());
            assertThat(body.path("type").asText()).isEqualTo("test");
            assertThat(body.path("subscriptionId").asText()).isEqualTo(id);
            assertThat(body.path("region").asText()).isEqualTo("Utrecht");

            given().auth().oauth2(UTRECHT).post("/api/subscriptions/" + id + "/test").then().statusCode(200)
                    .body("delivered", equalTo(false)).body("httpStatus", equalTo(500))
                    .body("error", equalTo("HTTP 500"));

            given().auth().oauth2(UTRECHT).get("/api/subscriptions/" + id + "/deliveries").then().statusCode(200)
                    .body("size()", equalTo(0));
        }
    }

    @Test
    void only_the_owner_tests_a_webhook_and_other_channels_have_no_test_call() {
        String webhook = (String) subscribe(Map.of("region", "Utrecht", "url", "http://127.0.0.1:9/hooks")).get("id");
        given().auth().oauth2(TestTokens.coordinator("Groningen")).post("/api/subscriptions/" + webhook + "/test")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0344")).post("/api/subscriptions/" + webhook + "/test")
                .then().statusCode(403);
        String stream = (String) subscribe(Map.of("region", "Utrecht", "channel", "STREAM")).get("id");
        given().auth().oauth2(UTRECHT).post("/api/subscriptions/" + stream + "/test").then().statusCode(409);
        given().auth().oauth2(UTRECHT).post("/api/subscriptions/00000000-0000-0000-0000-000000000000/test").then()
                .statusCode(404);
    }
}
