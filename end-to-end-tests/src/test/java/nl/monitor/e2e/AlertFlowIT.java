package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way, as in production: the four packaged services as separate JVMs against one Kafka broker and one
 * PostgreSQL (started once for all end-to-end tests). A failing assessment reaches the region's coordinator as a signed webhook call; an improved one
 * crosses back up.
 */
class AlertFlowIT {

    private static final Path ROOT = RunningPlatform.ROOT;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SECRET = "end-to-end-webhook-secret";

    private static Platform platform;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startPlatform() throws Exception {
        receiver = new WebhookReceiver(Platform.freePort(), SECRET, call -> { });
        platform = RunningPlatform.get();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void a_failing_assessment_alerts_the_coordinator_and_an_improved_one_crosses_back_up() throws Exception {
        HttpResponse<String> subscribed = Api.subscribeWebhook(platform, "Groningen", receiver.url(), SECRET,
                "end-to-end test");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

        String respondent = TestTokens.respondent("GM0014");
        HttpResponse<String> failing = Api.post(platform.url("survey-service") + "/api/submissions", respondent,
                Files.readString(ROOT.resolve("local-run/demo/failing-assessment.json")));
        assertThat(failing.statusCode()).as(failing.body()).isEqualTo(201);

        JsonNode down = alert("DOWN", 25);
        assertThat(down.path("municipality").asText()).isEqualTo("GM0014");
        assertThat(down.path("region").asText()).isEqualTo("Groningen");
        assertThat(down.path("year").asInt()).isEqualTo(2017);
        assertThat(down.path("previousScore").isNull()).isTrue();
        assertThat(down.path("newScore").asDouble()).isEqualTo(20.0);   // goal 1: 5, goal 7: 15 + 5 + 15
        assertThat(down.path("newBand").asText()).isEqualTo("RED");

        HttpResponse<String> improved = Api.post(platform.url("survey-service") + "/api/submissions", respondent,
                Files.readString(ROOT.resolve("local-run/demo/improved-assessment.json")));
        assertThat(improved.statusCode()).as(improved.body()).isEqualTo(201);

        JsonNode up = alert("UP", 25);
        assertThat(up.path("previousScore").asDouble()).isEqualTo(20.0);
        assertThat(up.path("newScore").asDouble()).isEqualTo(91.875);  // goal 1: 83.75, goal 7: 100
        assertThat(up.path("newBand").asText()).isEqualTo("GREEN");

        JsonNode reported = awaitReported("GM0014", 2017, 91.875);
        assertThat(reported.path("band").asText()).isEqualTo("GREEN");
        assertThat(receiver.calls()).allSatisfy(call -> assertThat(call.signatureValid()).isTrue());
    }

    @Test
    void every_packaged_service_serves_openapi_and_swagger_ui_openly_health_and_metrics_only_on_its_management_port_and_its_api_only_with_a_token()
            throws Exception {
        for (String service : Platform.SERVICES.keySet()) {
            String url = platform.url(service);
            String management = platform.managementUrl(service);
            HttpResponse<String> openapi = Api.get(url + "/openapi", null);
            assertThat(openapi.statusCode()).as(service + " OpenAPI").isEqualTo(200);
            assertThat(openapi.body()).as(service + " OpenAPI").contains("/api/");
            assertThat(Api.get(url + "/swagger-ui/", null).statusCode()).as(service + " Swagger UI").isEqualTo(200);
            assertThat(Api.get(management + "/q/health/ready", null).statusCode()).as(service + " ready")
                    .isEqualTo(200);
            HttpResponse<String> metrics = Api.get(management + "/q/metrics", null);
            assertThat(metrics.statusCode()).as(service + " metrics").isEqualTo(200);
            assertThat(metrics.body()).as(service + " metrics").contains("jvm_memory_used_bytes");
            for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics")) {
                assertThat(Api.get(url + path, null).statusCode()).as(service + " public " + path).isEqualTo(404);
            }
        }
        String scores = "/api/municipalities/GM0014/scores";
        assertThat(Api.get(platform.url("reporting-service") + scores, null).statusCode()).isEqualTo(401);
        assertThat(Api.get(platform.url("reporting-service") + scores, TestTokens.wronglySigned()).statusCode())
                .isEqualTo(401);
        assertThat(Api.get(platform.url("scoring-service") + scores, TestTokens.respondent("GM0034")).statusCode())
                .isEqualTo(403);
        assertThat(Api.get(platform.url("survey-service") + "/api/questionnaire", TestTokens.analyst()).statusCode())
                .isEqualTo(200);
    }

    private JsonNode alert(String direction, double threshold) throws Exception {
        List<WebhookReceiver.Call> calls = receiver.await(call -> {
            JsonNode body = Api.read(call.body());
            return body.path("direction").asText().equals(direction)
                    && body.path("threshold").path("value").asDouble() == threshold;
        }, 1, DEADLINE);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).signatureValid()).as("HMAC-SHA256 signature").isTrue();
        return Api.read(calls.get(0).body());
    }

    private JsonNode awaitReported(String municipality, int year, double total) {
        String url = platform.url("reporting-service") + "/api/municipalities/" + municipality + "/scores/" + year;
        return Awaitility.await("reporting-service shows " + total + " for " + municipality)
                .atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    HttpResponse<String> response = Api.get(url, TestTokens.analyst());
                    return response.statusCode() == 200 ? Api.read(response.body()) : null;
                }, reported -> reported != null && reported.path("total").asDouble() == total);
    }
}
