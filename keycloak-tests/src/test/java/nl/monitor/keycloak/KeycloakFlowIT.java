package nl.monitor.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform behind a real Keycloak with the realm file of deploy/keycloak, the services configured by the realm's
 * URL alone: every demo user signs in by the password grant, the import client by client credentials, and the
 * tokens carry what the services check (issuer, audience monitor-api, subject, roles in groups, municipality and
 * region). A failing assessment alerts the coordinator; tenants stay apart (403); foreign tokens are refused (401).
 */
class KeycloakFlowIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SECRET = "keycloak-test-webhook-secret";
    /** The demo client for the password grant, and the demo users of the realm file with their passwords. */
    private static final String CLI = "monitor-cli";
    private static final Map<String, String> DEMO_USERS = Map.of("respondent-gm0014", "respondent-demo",
            "coordinator-groningen", "coordinator-demo", "analyst", "analyst-demo", "monitor-admin", "admin-demo");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;
    private static KeycloakServer keycloak;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(Platform.freePort(), SECRET, call -> { });
        platform = KeycloakPlatform.platform();
        keycloak = KeycloakPlatform.keycloak();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private static String token(String user) throws Exception {
        return keycloak.passwordGrant(CLI, user, DEMO_USERS.get(user));
    }

    @Test
    void every_demo_user_and_the_import_client_get_a_token_with_what_the_services_check() throws Exception {
        for (String user : DEMO_USERS.keySet()) {
            JsonNode claims = claims(token(user));
            assertThat(claims.path("iss").asText()).as(user).isEqualTo(keycloak.issuer());
            assertThat(audiences(claims)).as(user).contains(TestTokens.AUDIENCE);
            assertThat(claims.path("sub").asText()).as(user).isNotBlank().isNotEqualTo(user);
            assertThat(claims.path("preferred_username").asText()).isEqualTo(user);
        }
        JsonNode respondent = claims(token("respondent-gm0014"));
        assertThat(respondent.path("groups").toString()).isEqualTo("[\"respondent\"]");
        assertThat(respondent.path("municipality").asText()).isEqualTo("GM0014");
        JsonNode coordinator = claims(token("coordinator-groningen"));
        assertThat(coordinator.path("groups").toString()).isEqualTo("[\"coordinator\"]");
        assertThat(coordinator.path("region").asText()).isEqualTo("Groningen");
        assertThat(claims(token("analyst")).path("groups").toString()).isEqualTo("[\"analyst\"]");
        assertThat(claims(token("monitor-admin")).path("groups").toString()).isEqualTo("[\"admin\"]");

        JsonNode importer = claims(importToken());
        assertThat(importer.path("groups").toString()).isEqualTo("[\"admin\"]");
        assertThat(audiences(importer)).contains(TestTokens.AUDIENCE);
    }

    @Test
    void a_failing_assessment_submitted_with_a_keycloak_token_alerts_the_coordinator_who_subscribed() throws Exception {
        String coordinator = token("coordinator-groningen");
        HttpResponse<String> subscribed = post(platform.url("notification-service") + "/api/subscriptions",
                coordinator, JSON.writeValueAsString(Map.of("region", "Groningen", "url", receiver.url(),
                        "secret", SECRET, "description", "Keycloak test")));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        // The caller is the token's subject, Keycloak's stable user id, not the login name.
        assertThat(JSON.readTree(subscribed.body()).path("owner").asText()).isEqualTo(claims(coordinator).path("sub")
                .asText());

        HttpResponse<String> failing = post(platform.url("survey-service") + "/api/submissions",
                token("respondent-gm0014"), Files.readString(KeycloakPlatform.ROOT.resolve(
                        "local-run/demo/failing-assessment.json")));
        assertThat(failing.statusCode()).as(failing.body()).isEqualTo(201);

        // A first score of 20 falls below both thresholds of the total (25 and 75): the alert of the lower one.
        List<WebhookReceiver.Call> calls = receiver.await(call -> {
            JsonNode body = read(call.body());
            return body.path("municipality").asText().equals("GM0014") && body.path("direction").asText().equals("DOWN")
                    && body.path("threshold").path("value").asDouble() == 25.0;
        }, 1, DEADLINE);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).signatureValid()).isTrue();
        JsonNode alert = JSON.readTree(calls.get(0).body());
        assertThat(alert.path("region").asText()).isEqualTo("Groningen");
        assertThat(alert.path("newScore").asDouble()).isEqualTo(20.0);

        String analyst = token("analyst");
        JsonNode reported = Awaitility.await("the reporting-service shows GM0014 2017").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    HttpResponse<String> response = get(platform.url("reporting-service")
                            + "/api/municipalities/GM0014/scores/2017", analyst);
                    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                }, body -> body != null && body.path("total").asDouble() == 20.0);
        assertThat(reported.path("band").asText()).isEqualTo("RED");
    }

    @Test
    void the_import_client_imports_a_wave_by_its_service_account() throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(Files.readString(KeycloakPlatform.ROOT.resolve(
                "local-run/demo/improved-assessment.json")));
        row.put("municipality", "GM0034");
        row.remove("year");
        String body = JSON.writeValueAsString(Map.of("year", 2019, "rows", List.of(row)));
        HttpResponse<String> imported = post(platform.url("survey-service") + "/api/imports", importToken(), body);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).path("accepted").asInt()).as(imported.body()).isEqualTo(1);

        HttpResponse<String> asRespondent = post(platform.url("survey-service") + "/api/imports",
                token("respondent-gm0014"), body);
        assertThat(asRespondent.statusCode()).isEqualTo(403);
    }

    @Test
    void tenants_stay_apart_and_foreign_tokens_are_refused() throws Exception {
        String respondent = token("respondent-gm0014");
        String coordinator = token("coordinator-groningen");
        String scoring = platform.url("scoring-service");
        // Own municipality yes (200 or 404 before any score), another municipality no.
        assertThat(get(scoring + "/api/municipalities/GM0014/scores", respondent).statusCode()).isIn(200, 404);
        assertThat(get(scoring + "/api/municipalities/GM0034/scores", respondent).statusCode()).isEqualTo(403);
        // A coordinator reads their region, not another one, and subscribes for their region only.
        String reporting = platform.url("reporting-service");
        assertThat(get(reporting + "/api/regions/Groningen/municipalities?year=2017", coordinator).statusCode())
                .isEqualTo(200);
        assertThat(get(reporting + "/api/regions/Flevoland/municipalities?year=2017", coordinator).statusCode())
                .isEqualTo(403);
        HttpResponse<String> elsewhere = post(platform.url("notification-service") + "/api/subscriptions",
                coordinator, JSON.writeValueAsString(Map.of("region", "Flevoland", "url", receiver.url(),
                        "secret", SECRET)));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(403);
        // Admin endpoints: the admin yes, the analyst no.
        assertThat(get(platform.url("survey-service") + "/api/admin/waves", token("monitor-admin")).statusCode())
                .isEqualTo(200);
        assertThat(get(platform.url("survey-service") + "/api/admin/waves", token("analyst")).statusCode())
                .isEqualTo(403);

        String scores = reporting + "/api/municipalities/GM0014/scores";
        assertThat(get(scores, null).statusCode()).isEqualTo(401);
        // The project's test key is not trusted once the services trust Keycloak.
        assertThat(get(scores, TestTokens.analyst()).statusCode()).isEqualTo(401);
        // A token of the same realm and keys, but not meant for the Monitor APIs (Keycloak's own admin-cli client:
        // no monitor-api audience), is refused.
        String notForUs = keycloak.passwordGrant("admin-cli", "analyst", DEMO_USERS.get("analyst"));
        assertThat(audiences(claims(notForUs))).doesNotContain(TestTokens.AUDIENCE);
        assertThat(get(scores, notForUs).statusCode()).isEqualTo(401);
    }

    @Test
    void the_local_run_starts_the_keycloak_these_tests_run() {
        // keycloak.version of the root pom (this module's zip) and KeycloakServer.VERSION (the local run's) agree.
        assertThat(System.getProperty("monitor.keycloak.distribution"))
                .endsWith("keycloak-quarkus-dist-" + KeycloakServer.VERSION + ".zip");
    }

    private static String importToken() throws Exception {
        return keycloak.clientCredentials("monitor-bulk-import", KeycloakServer.DEMO_BULK_IMPORT_SECRET);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? java.util.stream.StreamSupport.stream(aud.spliterator(), false).map(JsonNode::asText)
                .toList() : List.of(aud.asText());
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
