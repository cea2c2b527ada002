package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Secret the rendered production overlay refers to — and every key of it that a manifest names — is in the
 * table of deploy/overlays/production/SECRETS.md, and the ExternalSecret example fills only documented ones.
 */
class SecretsDocumentedTest {

    static final String DOCUMENT = "deploy/overlays/production/SECRETS.md";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static Manifests.Rendered production;
    private static Manifests.Rendered externalSecrets;

    @BeforeAll
    static void render() {
        Assumptions.assumeTrue(Command.onPath("kubectl"), "SKIPPED: kubectl is not installed");
        production = Manifests.render(Manifests.OVERLAYS.resolve("production"));
        externalSecrets = Manifests.render(Manifests.OVERLAYS.resolve("production/external-secrets"));
    }

    @Test
    void every_secret_and_key_the_production_overlay_refers_to_is_documented() {
        Map<String, Set<String>> documented = documented(Repo.read(Repo.path(DOCUMENT)));
        Map<String, Set<String>> referenced = referenced(production.objects());
        assertThat(referenced).as("the overlay refers to Secrets").isNotEmpty();
        List<String> missing = new ArrayList<>();
        referenced.forEach((secret, keys) -> {
            if (!documented.containsKey(secret)) {
                missing.add("Secret " + secret);
                return;
            }
            keys.stream().filter(k -> !k.equals("*") && !documented.get(secret).contains(k))
                    .forEach(k -> missing.add("key " + k + " of " + secret));
        });
        assertThat(missing).as("referenced by deploy/overlays/production but not in " + DOCUMENT).isEmpty();
    }

    @Test
    void the_external_secret_example_fills_documented_secrets_with_documented_keys() {
        Map<String, Set<String>> documented = documented(Repo.read(Repo.path(DOCUMENT)));
        List<JsonNode> examples = externalSecrets.ofKind("ExternalSecret");
        assertThat(examples).isNotEmpty();
        Set<String> credentials = new TreeSet<>();
        production.ofKind("Deployment").forEach(d -> d.path("spec").path("template").path("spec").path("containers")
                .forEach(c -> c.path("envFrom").forEach(e -> credentials.add(e.path("secretRef").path("name")
                        .asText("")))));
        credentials.remove("");
        Set<String> made = new TreeSet<>();
        for (JsonNode example : examples) {
            String target = example.path("spec").path("target").path("name").asText();
            made.add(target);
            assertThat(documented).as("ExternalSecret " + target).containsKey(target);
            example.path("spec").path("data").forEach(d -> assertThat(documented.get(target))
                    .as(target).contains(d.path("secretKey").asText()));
        }
        assertThat(made).as("the example makes every <service>-config-creds").containsAll(credentials);
    }

    @Test
    void the_check_sees_an_undocumented_key() {
        Map<String, Set<String>> documented = documented("| `a`, `b` | `X`, `Y` | ... |\n| --- | --- |\n");
        assertThat(documented).containsOnlyKeys("a", "b").containsEntry("a", Set.of("X", "Y"));
        JsonNode deployment = Repo.yamlDocuments("""
                kind: Deployment
                spec: {template: {spec: {containers: [{env: [{name: A, valueFrom: {secretKeyRef: {name: a, key: Z}}}]}]}}}
                """).get(0);
        assertThat(referenced(List.of(deployment))).containsEntry("a", Set.of("Z"));
    }

    /** Secret name -> keys, from every table row whose first two cells name them in backticks. */
    static Map<String, Set<String>> documented(String markdown) {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : markdown.lines().toList()) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("|") || cells.length < 3) {
                continue;
            }
            List<String> names = codes(cells[1]);
            List<String> keys = codes(cells[2]);
            names.forEach(n -> documented.computeIfAbsent(n, x -> new TreeSet<>()).addAll(keys));
        }
        return documented;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    /** Secret name -> keys the manifests name ({@code *}: the whole Secret, as envFrom or a volume without items). */
    static Map<String, Set<String>> referenced(List<JsonNode> objects) {
        Map<String, Set<String>> referenced = new TreeMap<>();
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            walk(object, referenced);
            if (kind.equals("TriggerAuthentication")) {
                object.path("spec").path("secretTargetRef").forEach(r -> add(referenced, r.path("name").asText(),
                        r.path("key").asText()));
            }
            if (kind.equals("Ingress")) {
                object.path("spec").path("tls").forEach(t -> {
                    add(referenced, t.path("secretName").asText(), "tls.crt");
                    add(referenced, t.path("secretName").asText(), "tls.key");
                });
            }
        }
        return referenced;
    }

    private static void walk(JsonNode node, Map<String, Set<String>> referenced) {
        if (node.isObject()) {
            JsonNode keyRef = node.path("secretKeyRef");
            if (keyRef.isObject()) {
                add(referenced, keyRef.path("name").asText(), keyRef.path("key").asText());
            }
            JsonNode envFrom = node.path("secretRef");
            if (envFrom.isObject() && envFrom.has("name")) {
                add(referenced, envFrom.path("name").asText(), "*");
            }
            JsonNode volume = node.path("secret");
            if (volume.isObject() && volume.has("secretName")) {
                if (volume.path("items").isEmpty()) {
                    add(referenced, volume.path("secretName").asText(), "*");
                }
                volume.path("items").forEach(i -> add(referenced, volume.path("secretName").asText(),
                        i.path("key").asText()));
            }
            node.fields().forEachRemaining(f -> walk(f.getValue(), referenced));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, referenced));
        }
    }

    private static void add(Map<String, Set<String>> referenced, String secret, String key) {
        referenced.computeIfAbsent(secret, x -> new TreeSet<>()).add(key);
    }
}
