package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.client.notification.api.SubscriptionsApi;
import nl.monitor.client.notification.model.Channel;
import nl.monitor.client.notification.model.SubscriptionFilter;
import nl.monitor.client.notification.model.SubscriptionRequest;
import nl.monitor.client.notification.model.SubscriptionView;
import nl.monitor.client.survey.api.IndicatorsApi;
import nl.monitor.client.survey.api.PlansApi;
import nl.monitor.client.survey.model.IndicatorFigure;
import nl.monitor.client.survey.model.PlanRequest;
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
 * Issue 28: a municipality that misses its own target brings a signed webhook. The whole way over the packaged
 * services, through the generated clients: Venlo's respondent sets a target for the municipality's repeat reports of
 * sexual abuse at the survey-service (municipal-plan-published), the coordinator of Limburg-Noord subscribes a webhook
 * with {@code targets: true} at the notification-service, and the respondent records the year's figure above the
 * target (indicator-recorded); the scoring-service holds it against the plan and publishes threshold-crossed v3; the
 * notification-service calls the webhook, signed; a correction under the target resolves it. Venlo (GM0983), region
 * Limburg-Noord and 2091 are this test's own; it deletes its subscription and empties the plan at the end.
 */
class TargetAlertFlowIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SECRET = "end-to-end-target-webhook-secret";
    private static final String REGION = "Limburg-Noord";
    private static final String VENLO = "GM0983";

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

    private static int record(String respondent, double value) throws Exception {
        IndicatorFigure figure = Clients.read(Api.write(Map.of("indicator", "vt-repeat-reports", "period", "2091",
                "level", "MUNICIPALITY", "area", VENLO, "breakdown", Map.of("abuse-type", "sexual-abuse"),
                "value", value)), IndicatorFigure.class);
        return new IndicatorsApi(Clients.survey(platform, respondent)).recordIndicatorFigureWithHttpInfo(figure)
                .getStatusCode();
    }

    private static PlanRequest plan(int version, List<Map<String, Object>> indicatorTargets) {
        return Clients.read(Api.write(Map.of("version", version, "goalTargets", List.of(),
                "indicatorTargets", indicatorTargets, "actions", List.of())), PlanRequest.class);
    }

    @Test
    void a_municipality_missing_its_own_target_sends_a_signed_webhook_naming_it() throws Exception {
        String respondent = TestTokens.respondent(VENLO);
        String coordinator = TestTokens.coordinator(REGION);
        SubscriptionsApi subscriptions = new SubscriptionsApi(Clients.notification(platform, coordinator));
        SubscriptionView subscribed = subscriptions.createSubscription(new SubscriptionRequest().region(REGION)
                .channel(Channel.WEBHOOK).url(receiver.url()).secret(SECRET).description("end-to-end target test")
                .filter(new SubscriptionFilter().targets(true)));
        PlansApi plans = new PlansApi(Clients.survey(platform, respondent));
        plans.saveMunicipalPlan(VENLO, plan(0, List.of(Map.of("indicator", "vt-repeat-reports", "year", 2091,
                "breakdown", Map.of("abuse-type", "sexual-abuse"), "value", 12.5))));

        assertThat(record(respondent, 14.5)).isEqualTo(201);                    // lower is better: missed

        List<WebhookReceiver.Call> calls = receiver.await(call -> Api.read(call.body()).path("target")
                .path("status").asText().equals("MISSED"), 1, DEADLINE);
        WebhookReceiver.Call call = calls.get(0);
        assertThat(call.signatureValid()).as("Standard Webhooks signature").isTrue();
        JsonNode alert = Api.read(call.body());
        assertThat(alert.path("type").asText()).isEqualTo("threshold-crossed");
        assertThat(alert.path("status").asText()).isEqualTo("firing");
        assertThat(alert.path("municipality").asText()).isEqualTo(VENLO);
        assertThat(alert.path("municipalityName").asText()).isEqualTo("Venlo");
        assertThat(alert.path("region").asText()).isEqualTo(REGION);
        assertThat(alert.path("year").asInt()).isEqualTo(2091);
        JsonNode target = alert.path("target");
        assertThat(target.path("kind").asText()).isEqualTo("INDICATOR");
        assertThat(target.path("title").asText()).isEqualTo("Percentage hermeldingen");
        assertThat(target.path("breakdownLabel").asText()).isEqualTo("Type kindermishandeling: Seksueel misbruik");
        assertThat(target.path("target").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(target.path("result").decimalValue()).isEqualByComparingTo("14.5");
        assertThat(target.path("better").asText()).isEqualTo("LOWER");

        // a correction under the target: met after all, one more signed call resolving the alert
        assertThat(record(respondent, 11)).isEqualTo(201);
        JsonNode resolved = Api.read(receiver.await(c -> Api.read(c.body()).path("type").asText().equals("resolved"),
                1, DEADLINE).get(0).body());
        assertThat(resolved.path("resolvesAlertId").asText()).isEqualTo(alert.path("alertId").asText());
        assertThat(resolved.path("target").path("status").asText()).isEqualTo("MET");
        assertThat(resolved.path("target").path("previousResult").decimalValue()).isEqualByComparingTo("14.5");
        assertThat(receiver.calls()).allSatisfy(c -> assertThat(c.signatureValid()).isTrue());

        assertThat(subscriptions.deleteSubscriptionWithHttpInfo(subscribed.getId()).getStatusCode()).isEqualTo(204);
        plans.saveMunicipalPlan(VENLO, plan(1, List.of()));
    }
}
