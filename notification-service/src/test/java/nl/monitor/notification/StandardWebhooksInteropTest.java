package nl.monitor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static nl.monitor.notification.Crossings.down;
import static nl.monitor.notification.Crossings.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real webhook calls, as a receiver gets them, verified by the official Standard Webhooks libraries in their default
 * mode ({@code new Webhook(secret).verify(body, headers)}, the secret as the service showed it): the Java library
 * (com.standardwebhooks:standardwebhooks) and the npm package standardwebhooks 1.1.1 under Node (installed into
 * target/node-verifier by the build; without node that part is skipped, saying so). Also during a secret rotation's
 * overlap, when a call verifies with the old and with the new secret, and for a plain-text secret of the form before
 * the standard, which verifies in the whsec_ form the service answered with.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class StandardWebhooksInteropTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String FRYSLAN = TestTokens.coordinator("Fryslân");
    private static final Path NODE_VERIFIER = Path.of(System.getProperty("webhook-verifier.node-dir",
            "target/node-verifier"));
    private final ObjectMapper json = new ObjectMapper();

    /** One call to verify with one secret, and whether it should verify. */
    private record Check(String secret, RecordingReceiver.Request call, boolean valid) {
    }

    private static Map<String, Object> subscribe(Map<String, Object> body) {
        return given().auth().oauth2(FRYSLAN).contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(201).extract().path("$");
    }

    @Test
    void real_calls_verify_with_the_official_libraries_also_during_a_rotation_overlap() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver(); RecordingReceiver legacy = new RecordingReceiver()) {
            Map<String, Object> created = subscribe(Map.of("region", "Fryslân", "url", receiver.url()));
            String id = (String) created.get("id");
            String first = (String) created.get("secret");
            Map<String, Object> legacyCreated = subscribe(Map.of("region", "Fryslân", "url", legacy.url(),
                    "secret", "a-receiver-secret-of-some-length"));
            String legacyStandard = (String) legacyCreated.get("secret");

            publish(down("GM0080", "Fryslân", 12.0));
            RecordingReceiver.Request before = receiver.await(1, DEADLINE).get(0);
            RecordingReceiver.Request legacyCall = legacy.await(1, DEADLINE).get(0);
            assertThat(before.signature()).doesNotContain(" ");

            String second = given().auth().oauth2(FRYSLAN).post("/api/subscriptions/" + id + "/secret").then()
                    .statusCode(200).extract().path("secret");
            publish(down("GM0074", "Fryslân", 14.0));
            RecordingReceiver.Request during = receiver.await(2, DEADLINE).get(1);
            assertThat(during.signature().split(" ")).as("one signature per secret in force").hasSize(2);

            List<Check> checks = List.of(
                    new Check(first, before, true), new Check(second, before, false),
                    new Check(second, during, true), new Check(first, during, true),
                    new Check(legacyStandard, legacyCall, true), new Check(first, legacyCall, false));
            for (Check check : checks) {
                verifyWithJava(check);
            }
            List<JsonNode> node = verifyWithNode(checks);
            for (int i = 0; i < checks.size(); i++) {
                assertThat(node.get(i).path("verified").asBoolean()).as("npm standardwebhooks, check " + i + ": "
                        + node.get(i)).isEqualTo(checks.get(i).valid());
            }
        }
    }

    private static void verifyWithJava(Check check) throws Exception {
        Webhook webhook = new Webhook(check.secret());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        check.call().webhookHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        if (check.valid()) {
            webhook.verify(check.call().text(), headers);
        } else {
            assertThatThrownBy(() -> webhook.verify(check.call().text(), headers))
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    /** Runs verify.js (npm standardwebhooks) over the checks; skips, saying why, where node is not installed. */
    private List<JsonNode> verifyWithNode(List<Check> checks) throws IOException, InterruptedException {
        boolean installed = Files.isDirectory(NODE_VERIFIER.resolve("node_modules/standardwebhooks"));
        Assumptions.assumeTrue(installed, "node/npm not found (no " + NODE_VERIFIER + "/node_modules/standardwebhooks):"
                + " the calls were verified with the Java library only; the npm standardwebhooks part is skipped");
        List<Map<String, Object>> input = new ArrayList<>();
        for (Check check : checks) {
            input.add(Map.of("secret", check.secret(), "body", check.call().text(),
                    "headers", check.call().webhookHeaders()));
        }
        Path file = Files.createTempFile(NODE_VERIFIER, "calls-", ".json");
        try {
            json.writeValue(file.toFile(), input);
            Process node = new ProcessBuilder("node", "verify.js", file.getFileName().toString())
                    .directory(NODE_VERIFIER.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
            assertThat(node.exitValue()).as("node verify.js: " + output).isZero();
            List<JsonNode> results = new ArrayList<>();
            json.readTree(output).forEach(results::add);
            assertThat(results).hasSize(checks.size());
            return results;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
