package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.client.notification.model.SubscriptionView;
import nl.monitor.client.reporting.api.MunicipalityScoresApi;
import nl.monitor.client.reporting.model.Band;
import nl.monitor.client.reporting.model.MunicipalityScoreView;
import nl.monitor.client.scoring.api.ScoresApi;
import nl.monitor.client.survey.api.QuestionnaireApi;
import nl.monitor.client.survey.api.SubmissionsApi;
import nl.monitor.client.survey.model.SubmissionRequest;
import nl.monitor.client.survey.model.SubmissionView;
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
        SubscriptionView subscribed = Clients.subscribeWebhook(platform, "Groningen", receiver.url(), SECRET,
                "end-to-end test");
        assertThat(subscribed.getRegion()).isEqualTo("Groningen");

        SubmissionsApi submissions = new SubmissionsApi(Clients.survey(platform, TestTokens.respondent("GM0014")));
        SubmissionView failing = submissions.submitAssessment(assessment("failing-assessment.json"), null);
        assertThat(failing.getVersion()).isEqualTo(1);
        assertThat(failing.getCurrent()).isTrue();

        JsonNode down = alert("DOWN", 25);
        assertThat(down.path("municipality").asText()).isEqualTo("GM0014");
        assertThat(down.path("region").asText()).isEqualTo("Groningen");
        assertThat(down.path("year").asInt()).isEqualTo(2017);
        assertThat(down.path("previousScore").isNull()).isTrue();
        assertThat(down.path("newScore").asDouble()).isEqualTo(20.0);   // goal 1: 5, goal 7: 15 + 5 + 15
        assertThat(down.path("newBand").asText()).isEqualTo("RED");

        SubmissionView improved = submissions.submitAssessment(assessment("improved-assessment.json"), null);
        assertThat(improved.getVersion()).isEqualTo(2);

        JsonNode up = alert("UP", 25);
        assertThat(up.path("previousScore").asDouble()).isEqualTo(20.0);
        assertThat(up.path("newScore").asDouble()).isEqualTo(91.875);  // goal 1: 83.75, goal 7: 100
        assertThat(up.path("newBand").asText()).isEqualTo("GREEN");

        MunicipalityScoreView reported = awaitReported("GM0014", 2017, 91.875);
        assertThat(reported.getBand()).isEqualTo(Band.GREEN);
        assertThat(receiver.calls()).allSatisfy(call -> assertThat(call.signatureValid()).isTrue());
    }

    @Test
    void every_packaged_service_serves_openapi_swagger_ui_its_root_page_and_the_api_reference_openly_health_and_metrics_only_on_its_management_port_and_its_api_only_with_a_token()
            throws Exception {
        for (String service : Platform.SERVICES.keySet()) {
            String url = platform.url(service);
            String management = platform.managementUrl(service);
            HttpResponse<String> openapi = Api.get(url + "/openapi", null);
            assertThat(openapi.statusCode()).as(service + " OpenAPI").isEqualTo(200);
            assertThat(openapi.body()).as(service + " OpenAPI").contains("/api/");
            assertThat(Api.get(url + "/swagger-ui/", null).statusCode()).as(service + " Swagger UI").isEqualTo(200);
            // The root page links the one API reference page of the four services, which every service serves as
            // packaged (production profile), with the committed documents and the pinned Redoc bundle beside it.
            HttpResponse<String> root = Api.get(url + "/", null);
            assertThat(root.statusCode()).as(service + " root page").isEqualTo(200);
            assertThat(root.body()).contains("href=\"api-reference/\"", "href=\"openapi\"");
            HttpResponse<String> reference = Api.get(url + "/api-reference/", null);
            assertThat(reference.statusCode()).as(service + " API reference").isEqualTo(200);
            assertThat(reference.body()).contains("vendor/redoc/redoc.standalone.js", "?service=notification-service");
            assertThat(reference.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'none'", "img-src 'self' data:;");
            assertThat(Api.get(url + "/api-reference/vendor/redoc/redoc.standalone.js", null).statusCode())
                    .isEqualTo(200);
            for (String document : Platform.SERVICES.keySet()) {
                assertThat(Api.get(url + "/api-reference/" + document + ".yaml", null).body())
                        .as(service + " serves " + document + ".yaml")
                        .isEqualTo(Files.readString(ROOT.resolve("api/" + document + ".yaml")));
            }
            assertThat(Api.get(management + "/q/health/ready", null).statusCode()).as(service + " ready")
                    .isEqualTo(200);
            HttpResponse<String> metrics = Api.get(management + "/q/metrics", null);
            assertThat(metrics.statusCode()).as(service + " metrics").isEqualTo(200);
            assertThat(metrics.body()).as(service + " metrics").contains("jvm_memory_used_bytes");
            for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics")) {
                assertThat(Api.get(url + path, null).statusCode()).as(service + " public " + path).isEqualTo(404);
            }
        }
        assertThat(Clients.status(() -> new MunicipalityScoresApi(Clients.reporting(platform, null))
                .listMunicipalityScores("GM0014"))).isEqualTo(401);
        assertThat(Clients.status(() -> new MunicipalityScoresApi(Clients.reporting(platform,
                TestTokens.wronglySigned())).listMunicipalityScores("GM0014"))).isEqualTo(401);
        assertThat(Clients.status(() -> new ScoresApi(Clients.scoring(platform, TestTokens.respondent("GM0034")))
                .listScoreVersions("GM0014", null))).isEqualTo(403);
        assertThat(new QuestionnaireApi(Clients.survey(platform, TestTokens.analyst())).getLatestQuestionnaire()
                .getGoals()).hasSize(10);
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

    private static SubmissionRequest assessment(String file) throws Exception {
        return Clients.read(Files.readString(ROOT.resolve("local-run/demo/" + file)), SubmissionRequest.class);
    }

    private MunicipalityScoreView awaitReported(String municipality, int year, double total) {
        MunicipalityScoresApi scores = new MunicipalityScoresApi(Clients.reporting(platform, TestTokens.analyst()));
        return Awaitility.await("reporting-service shows " + total + " for " + municipality)
                .atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> Clients.orNull(() -> scores.getMunicipalityScore(municipality, year)),
                        reported -> reported != null && Double.valueOf(total).equals(reported.getTotal()));
    }
}
