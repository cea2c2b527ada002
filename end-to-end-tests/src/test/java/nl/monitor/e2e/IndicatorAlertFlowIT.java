package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.client.notification.api.SubscriptionsApi;
import nl.monitor.client.notification.model.SubscriptionView;
import nl.monitor.client.scoring.api.IndicatorThresholdsApi;
import nl.monitor.client.scoring.model.IndicatorThresholdRequest;
import nl.monitor.client.scoring.model.IndicatorThresholdView;
import nl.monitor.client.survey.api.IndicatorsApi;
import nl.monitor.client.survey.model.IndicatorFigure;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    /** Records the region's figure through the generated client; the HTTP status (201 stored, 200 unchanged). */
    private static int record(String coordinator, String period, double value) throws Exception {
        IndicatorFigure figure = Clients.read(Api.write(Map.of("indicator", "vt-repeat-reports", "period", period,
                "level", "REGION", "area", REGION, "breakdown", Map.of("abuse-type", "sexual-abuse"),
                "value", value)), IndicatorFigure.class);
        return new IndicatorsApi(Clients.survey(platform, coordinator)).recordIndicatorFigureWithHttpInfo(figure)
                .getStatusCode();
    }

    @Test
    void a_veilig_thuis_figure_crossing_a_coordinators_threshold_sends_a_signed_webhook_naming_the_indicator()
            throws Exception {
        String coordinator = TestTokens.coordinator(REGION);
        IndicatorThresholdsApi thresholds = new IndicatorThresholdsApi(Clients.scoring(platform, coordinator));
        IndicatorThresholdView threshold = thresholds.createIndicatorThreshold(Clients.read(Api.write(Map.of(
                "region", REGION, "indicator", "vt-repeat-reports", "breakdown", Map.of("abuse-type", "sexual-abuse"),
                "value", 12, "alertWhen", "ABOVE", "description", "hermeldingen seksueel misbruik boven 12 %")),
                IndicatorThresholdRequest.class));
        String thresholdId = threshold.getId().toString();
        SubscriptionView subscribed = Clients.subscribeWebhook(platform, REGION, receiver.url(), SECRET,
                "end-to-end indicator test");

        // under the threshold: the region's state, no alert; then above it: the alert, naming the earlier figure
        assertThat(record(coordinator, "2086", 10.5)).isEqualTo(201);
        assertThat(record(coordinator, "2087", 14.5)).isEqualTo(201);

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
        assertThat(record(coordinator, "2087", 9)).isEqualTo(201);
        JsonNode resolved = Api.read(receiver.await(c -> Api.read(c.body()).path("type").asText().equals("resolved")
                && Api.read(c.body()).path("indicator").path("period").asText().equals("2087"), 1, DEADLINE)
                .get(0).body());
        assertThat(resolved.path("resolvesAlertId").asText()).isEqualTo(alert.path("alertId").asText());
        assertThat(resolved.path("indicator").path("figureVersion").asInt()).isEqualTo(2);
        assertThat(receiver.calls()).allSatisfy(c -> assertThat(c.signatureValid()).isTrue());

        assertThat(thresholds.deleteIndicatorThresholdWithHttpInfo(thresholdId).getStatusCode()).isEqualTo(204);
        assertThat(new SubscriptionsApi(Clients.notification(platform, coordinator))
                .deleteSubscriptionWithHttpInfo(subscribed.getId()).getStatusCode()).isEqualTo(204);
    }
}
