package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.testsupport.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml with the offline override brought up for real with podman: a Keycloak token, a coordinator's
 * webhook subscription, a failing assessment through the survey-service's published port, the signed alert at the
 * webhook receiver in this JVM and the changed report; then everything is taken down.
 */
class ComposeSmokeIT {

    private static final String SECRET = "compose-smoke-webhook-secret";
    /** The trace the smoke test's submission starts (its caller's span), to find it in Jaeger. */
    private static final String TRACE_ID = java.util.HexFormat.of().formatHex(
            java.nio.ByteBuffer.allocate(16).putLong(System.nanoTime()).putLong(ProcessHandle.current().pid()).array());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ComposeStack stack;

    @BeforeAll
    static void up() throws Exception {
        ComposeStack.assumeContainersCanRun();
        stack = new ComposeStack();
        stack.up();
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
            System.out.println("compose smoke test steps: " + String.join("; ", stack.steps()));
            assertThat(stack.states()).as("containers left after docker-compose down").isEmpty();
        }
    }

    @Test
    void a_failing_assessment_reaches_the_coordinators_webhook_and_the_report() throws Exception {
        long start = System.nanoTime();
        for (String service : List.of("SURVEY", "SCORING", "REPORTING", "NOTIFICATION")) {
            awaitReady(managementUrl(service, "/q/health/ready"));
            assertThat(get(managementUrl(service, "/q/metrics"), null).body()).as(service + " metrics")
                    .contains("jvm_memory_used_bytes");
            assertThat(get(url(service, "/q/metrics"), null).statusCode()).as(service + " public port: no metrics")
                    .isEqualTo(404);
        }
        Awaitility.await("the second scoring-service instance is healthy").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> stack.states().getOrDefault("scoring-service-2", "").contains("(healthy)"));

        assertThat(get(url("SURVEY", "/api/questionnaire"), null).statusCode()).as("no token").isEqualTo(401);
        String coordinator = token("coordinator-groningen", "coordinator-demo");
        String respondent = token("respondent-gm0014", "respondent-demo");
        String analyst = token("analyst", "analyst-demo");
        String report = url("REPORTING", "/api/municipalities/GM0014/scores/2017");
        assertThat(get(report, analyst).statusCode()).as("no score for GM0014 before the submission")
                .isEqualTo(404);

        // On all addresses: the containers reach it as host.containers.internal.
        try (WebhookReceiver receiver = new WebhookReceiver("0.0.0.0", ComposeStack.freeReceiverPort(), SECRET,
                call -> { })) {
            HttpResponse<String> subscribed = post(url("NOTIFICATION", "/api/subscriptions"), coordinator,
                    Repo.JSON.writeValueAsString(Map.of("region", "Groningen", "secret", SECRET,
                            "url", "http://host.containers.internal:" + receiver.port() + "/alerts",
                            "description", "compose smoke test")));
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

            HttpResponse<String> submitted = post(url("SURVEY", "/api/submissions"), respondent,
                    Files.readString(Repo.path("local-run/demo/failing-assessment.json")),
                    "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

            WebhookReceiver.Call alert = Awaitility.await("the alert at the coordinator's webhook")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> receiver.calls().stream().findFirst().orElse(null), call -> call != null);
            assertThat(alert.signatureValid()).as("HMAC-SHA256 signature with the subscription's secret").isTrue();
            JsonNode body = Repo.JSON.readTree(alert.body());
            assertThat(body.path("municipality").asText()).isEqualTo("GM0014");
            assertThat(body.path("region").asText()).isEqualTo("Groningen");
            assertThat(body.path("direction").asText()).isEqualTo("DOWN");
            assertThat(body.path("newScore").asDouble()).isEqualTo(20.0);
            assertThat(body.path("newBand").asText()).isEqualTo("RED");
            assertThat(alert.traceparent()).as("the webhook call continues the submission's trace")
                    .startsWith("00-" + TRACE_ID + "-");
        }

        // One trace across the four services, as Jaeger's query API shows it (the offline stand-in answers the same).
        JsonNode trace = Awaitility.await("the submission's trace from all four services in Jaeger")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> response = get(url("JAEGER", "/api/traces/" + TRACE_ID), null);
                    return response.statusCode() == 200 ? Repo.JSON.readTree(response.body()).path("data").path(0)
                            : null;
                }, t -> t != null && services(t).containsAll(Repo.SERVICES));
        assertThat(trace.path("spans").size()).as("spans of the trace").isGreaterThanOrEqualTo(8);

        JsonNode reported = Awaitility.await("the reporting-service shows GM0014's new score")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> response = get(report, analyst);
                    return response.statusCode() == 200 ? Repo.JSON.readTree(response.body()) : null;
                }, r -> r != null);
        assertThat(reported.path("total").asDouble()).isEqualTo(20.0);
        assertThat(reported.path("band").asText()).isEqualTo("RED");
        System.out.println("compose smoke test: services ready to report changed in "
                + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
    }

    /**
     * The compose stack's one-shot Keycloak step (kcadm) gives the browser client the published addresses of the
     * dashboard and the questionnaire as redirect URIs: Keycloak shows its login page for a sign-in that returns to
     * either, and refuses one that would return elsewhere.
     */
    @Test
    void keycloak_lets_the_dashboard_and_the_questionnaire_sign_in_at_their_published_addresses() {
        String dashboard = url("REPORTING", "/dashboard/");
        String questionnaire = url("SURVEY", "/vragenlijst/");
        Awaitility.await("the kcadm step's redirect URIs").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(signInPage(questionnaire).statusCode()).as(questionnaire).isEqualTo(200);
                    assertThat(signInPage(dashboard).statusCode()).as(dashboard).isEqualTo(200);
                });
        HttpResponse<String> page = Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> signInPage(questionnaire), r -> r.statusCode() == 200);
        assertThat(page.body()).contains("kc-form-login");
        assertThat(Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> signInPage("http://localhost:1/elsewhere/").statusCode(), status -> status != null))
                .as("a redirect URI the realm does not list").isEqualTo(400);
    }

    /** The first step of an Authorization Code + PKCE sign-in of the browser client, returning to {@code redirect}. */
    private static HttpResponse<String> signInPage(String redirect) throws IOException, InterruptedException {
        String query = "client_id=monitor-dashboard&response_type=code&scope=openid&state=smoke"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        return get("http://localhost:" + stack.port("MONITOR_KEYCLOAK_PORT")
                + "/realms/monitor/protocol/openid-connect/auth?" + query, null);
    }

    private static String url(String service, String path) {
        return "http://localhost:" + stack.port("MONITOR_" + service + "_PORT") + path;
    }

    /** Health and metrics: the management port, published on this host's loopback only. */
    private static String managementUrl(String service, String path) {
        return "http://127.0.0.1:" + stack.port("MONITOR_" + service + "_MANAGEMENT_PORT") + path;
    }

    /** A password-grant token of a demo user of the monitor realm, from Keycloak's published port. */
    private static String token(String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=monitor-cli&username=" + URLEncoder.encode(user,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + stack.port("MONITOR_KEYCLOAK_PORT") + "/realms/monitor/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token for " + user + ": " + response.body()).isEqualTo(200);
        return Repo.JSON.readTree(response.body()).path("access_token").asText();
    }

    private static void awaitReady(String url) {
        Awaitility.await(url).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> get(url, null).statusCode() == 200);
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String json, String traceparent)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The service names of a trace in Jaeger's JSON. */
    private static java.util.Set<String> services(JsonNode trace) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        trace.path("processes").forEach(process -> names.add(process.path("serviceName").asText()));
        return names;
    }
}
