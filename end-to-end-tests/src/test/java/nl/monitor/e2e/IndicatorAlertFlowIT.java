package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28's "done when": a Veilig Thuis figure crossing a coordinator's threshold sends a signed webhook naming the
 * indicator. The whole way over the packaged services: the coordinator of Brabant-Noord keeps a threshold on the
 * region's repeat reports of sexual abuse at the scoring-service and subscribes a webhook at the notification-service;
 * figures recorded at the survey-service (indicator-recorded) are watched by the scoring-service, which publishes
 * threshold-crossed v2; the notification-service calls the webhook, signed. Region Brabant-Noord and the periods
 * 2086-2087 are this test's own; it deletes its threshold and subscription at the end.
 */
class IndicatorAlertFlowIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SECRET = "end-to-end-indicator-webhook-secret";
    private static final String REGION = "Brabant-Noord";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

    private static HttpResponse<String> record(String coordinator, String period, double value) throws Exception {
        return Api.post(platform.url("survey-service") + "/api/indicator-figures", coordinator, Api.write(Map.of(
                "indicator", "vt-repeat-reports", "period", period, "level", "REGION", "area", REGION,
                "breakdown", Map.of("abuse-type", "sexual-abuse"), "value", value)));
    }

    private static int delete(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void a_veilig_thuis_figure_crossing_a_coordinators_threshold_sends_a_signed_webhook_naming_the_indicator()
            throws Exception {
        String coordinator = TestTokens.coordinator(REGION);
        HttpResponse<String> threshold = Api.post(platform.url("scoring-service") + "/api/indicator-thresholds",
                coordinator, Api.write(Map.of("region", REGION, "indicator", "vt-repeat-reports",
                        "breakdown", Map.of("abuse-type", "sexual-abuse"), "value", 12, "alertWhen", "ABOVE",
                        "description", "hermeldingen seksueel misbruik boven 12 %")));
        assertThat(threshold.statusCode()).as(threshold.body()).isEqualTo(201);
        String thresholdId = Api.read(threshold.body()).path("id").asText();
        HttpResponse<String> subscribed = Api.subscribeWebhook(platform, REGION, receiver.url(), SECRET,
                "end-to-end indicator test");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String subscriptionId = Api.read(subscribed.body()).path("id").asText();

        // under the threshold: the region's state, no alert; then above it: the alert, naming the earlier figure
        HttpResponse<String> quiet = record(coordinator, "2086", 10.5);
        assertThat(quiet.statusCode()).as(quiet.body()).isEqualTo(201);
        HttpResponse<String> above = record(coordinator, "2087", 14.5);
        assertThat(above.statusCode()).as(above.body()).isEqualTo(201);

        List<WebhookReceiver.Call> calls = receiver.await(call -> Api.read(call.body()).path("indicator")
                .path("indicator").asText().equals("vt-repeat-reports"), 1, DEADLINE);
        assertThat(calls).hasSize(1);
        WebhookReceiver.Call call = calls.get(0);
        assertThat(call.signatureValid()).as("Standard Webhooks signature").isTrue();
        JsonNode alert = Api.read(call.body());
        assertThat(alert.path("deliveryId").asText()).isEqualTo(call.id());
        assertThat(alert.path("type").asText()).isEqualTo("threshold-crossed");
        assertThat(alert.path("status").asText()).isEqualTo("firing");
        assertThat(alert.path("region").asText()).isEqualTo(REGION);
        assertThat(alert.path("threshold").isNull()).as("no score threshold").isTrue();
        JsonNode indicator = alert.path("indicator");
        assertThat(indicator.path("title").asText()).isEqualTo("Percentage hermeldingen");
        assertThat(indicator.path("level").asText()).isEqualTo("REGION");
        assertThat(indicator.path("area").asText()).isEqualTo(REGION);
        assertThat(indicator.path("period").asText()).isEqualTo("2087");
        assertThat(indicator.path("breakdownLabel").asText()).isEqualTo("Type kindermishandeling: Seksueel misbruik");
        assertThat(indicator.path("threshold").decimalValue()).isEqualByComparingTo("12");
        assertThat(indicator.path("alertWhen").asText()).isEqualTo("ABOVE");
        assertThat(indicator.path("value").decimalValue()).isEqualByComparingTo("14.5");
        assertThat(indicator.path("previousValue").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(indicator.path("previousPeriod").asText()).isEqualTo("2086");
        assertThat(indicator.path("thresholdId").asText()).isEqualTo(thresholdId);

        // a correction of 2087 under the threshold resolves it: one more signed call
        HttpResponse<String> corrected = record(coordinator, "2087", 9);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        JsonNode resolved = Api.read(receiver.await(c -> Api.read(c.body()).path("type").asText().equals("resolved")
                && Api.read(c.body()).path("indicator").path("period").asText().equals("2087"), 1, DEADLINE)
                .get(0).body());
        assertThat(resolved.path("resolvesAlertId").asText()).isEqualTo(alert.path("alertId").asText());
        assertThat(resolved.path("indicator").path("figureVersion").asInt()).isEqualTo(2);
        assertThat(receiver.calls()).allSatisfy(c -> assertThat(c.signatureValid()).isTrue());

        assertThat(delete(platform.url("scoring-service") + "/api/indicator-thresholds/" + thresholdId, coordinator))
                .isEqualTo(204);
        assertThat(delete(platform.url("notification-service") + "/api/subscriptions/" + subscriptionId, coordinator))
                .isEqualTo(204);
    }
}
