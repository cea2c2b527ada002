package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml and its offline override checked offline against the Compose specification and the services. */
class ComposeFileTest {

    private static final JsonSchema COMPOSE_SPEC = Schemas.resource("/schemas/compose-spec/compose-spec.json");

    @Test
    void both_compose_files_follow_the_compose_specification() {
        for (String name : List.of(Compose.FILE, Compose.OFFLINE)) {
            assertThat(Schemas.errors(COMPOSE_SPEC, Compose.file(name))).as(name).isEmpty();
        }
    }

    @Test
    void the_schema_check_catches_a_misspelt_key() {
        JsonNode broken = Compose.file(Compose.FILE).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("services").path("postgres"))
                .put("healtcheck", "x");
        assertThat(Schemas.errors(COMPOSE_SPEC, broken)).isNotEmpty();
    }

    @Test
    void every_service_runs_its_built_image_with_health_checks_and_waits_for_healthy_dependencies() {
        JsonNode services = Compose.file(Compose.FILE).path("services");
        for (String service : Repo.SERVICES) {
            assertThat(Compose.interpolate(services.path(service).path("image").asText())).as(service)
                    .isEqualTo(Expected.image(service));
        }
        assertThat(Compose.interpolate(services.path("scoring-service-2").path("image").asText()))
                .as("the second scoring-service instance").isEqualTo(Expected.image("scoring-service"));
        services.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            // One-shot jobs (the topics, the demo users) say restart "no"; everything else runs for good.
            boolean job = service.path("restart").asText().equals("no");
            if (!job) {
                assertThat(service.path("healthcheck").path("test").isMissingNode()).as(name + " health check")
                        .isFalse();
            }
            assertThat(service.path("restart").asText()).as(name + " restart policy")
                    .isIn(job ? "no" : "unless-stopped", "always");
            service.path("depends_on").fields().forEachRemaining(dependency -> assertThat(
                    dependency.getValue().path("condition").asText()).as(name + " waits for " + dependency.getKey())
                    .isIn("service_healthy", "service_completed_successfully"));
            service.path("ports").forEach(port -> {
                String[] mapping = Compose.interpolate(port.asText()).split(":");
                int published = Integer.parseInt(mapping[mapping.length - 2]);
                assertThat(published).as(name + " host port").isBetween(18000, 18999);
                assertThat(mapping).as(name + " " + port.asText() + ": on this host only unless overridden")
                        .hasSize(3).startsWith("127.0.0.1");
                if (mapping[mapping.length - 1].equals("9000") && Repo.SERVICES.contains(name)) {
                    assertThat(mapping).as(name + ": health and metrics on this host only").hasSize(3)
                            .startsWith("127.0.0.1");
                }
            });
        });
    }

    @Test
    void keycloak_runs_in_production_mode_with_an_admin_password_and_import_secret_from_the_environment() {
        JsonNode services = Compose.file(Compose.FILE).path("services");
        JsonNode keycloak = services.path("keycloak");
        assertThat(keycloak.path("command").get(0).asText()).as("kc.sh command").isEqualTo("start");
        assertThat(keycloak.toString()).doesNotContain("start-dev");
        JsonNode environment = keycloak.path("environment");
        for (String required : List.of("KC_BOOTSTRAP_ADMIN_PASSWORD", "MONITOR_BULK_IMPORT_CLIENT_SECRET")) {
            assertThat(Compose.required(environment.path(required).asText()))
                    .as(required + " from the environment with no default: " + environment.path(required)).isTrue();
        }
        assertThat(Compose.required("${X:-default}")).as("a default is not required").isFalse();
        // the realm file's placeholders are all set for Keycloak
        Matcher placeholders = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(Repo.read(Repo.path(Realm.PRODUCTION)));
        while (placeholders.find()) {
            assertThat(environment.has(placeholders.group(1))).as("Keycloak's " + placeholders.group(1)).isTrue();
        }
        JsonNode demo = services.path("keycloak-demo");
        assertThat(demo.path("volumes").toString()).as("the demo users are loaded in compose")
                .contains(Realm.DEMO);
        assertThat(demo.path("depends_on").path("keycloak").path("condition").asText()).isEqualTo("service_healthy");
        for (String service : Repo.SERVICES) {
            assertThat(services.path(service).path("depends_on").path("keycloak-demo").path("condition").asText())
                    .as(service + " starts after the demo users exist").isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void the_standard_images_and_their_offline_equivalents_are_named() {
        JsonNode services = Compose.file(Compose.FILE).path("services");
        assertThat(services.path("postgres").path("image").asText()).isEqualTo("postgres:17");
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:4.");
        assertThat(services.path("keycloak").path("image").asText()).startsWith("quay.io/keycloak/keycloak:26.");
        assertThat(services.path("jaeger").path("image").asText()).startsWith("jaegertracing/jaeger:2.");
        JsonNode offline = Compose.file(Compose.OFFLINE).path("services");
        assertThat(offline.path("keycloak-demo").path("image").asText()).as("the demo job runs the offline Keycloak")
                .isEqualTo(offline.path("keycloak").path("image").asText());
        for (String infra : List.of("postgres", "kafka", "keycloak", "mail", "jaeger")) {
            JsonNode build = offline.path(infra).path("build");
            assertThat(build.path("context").asText()).as(infra + " offline build").isNotEmpty();
            assertThat(Repo.path(build.path("context").asText()).resolve(build.path("dockerfile").asText()))
                    .as(infra + " Containerfile").isRegularFile();
        }
        String keycloak = offline.path("keycloak").path("image").asText();
        assertThat(keycloak.substring(keycloak.lastIndexOf(':')))
                .as("offline Keycloak is the same version").isEqualTo(services.path("keycloak").path("image").asText()
                        .substring(services.path("keycloak").path("image").asText().lastIndexOf(':')));
    }

    @Test
    void every_environment_variable_maps_to_configuration_the_service_reads() {
        JsonNode services = Compose.file(Compose.FILE).path("services");
        List<String> problems = new ArrayList<>();
        services.fields().forEachRemaining(entry -> {
            String image = Compose.interpolate(entry.getValue().path("image").asText());
            Repo.SERVICES.stream().filter(s -> image.equals(Expected.image(s))).findFirst().ifPresent(service -> {
                ServiceConfig config = ServiceConfig.of(service);
                Compose.environment(entry.getValue()).keySet().forEach(variable -> config.unknownVariable(variable)
                        .ifPresent(p -> problems.add(entry.getKey() + ": " + p)));
            });
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void the_topic_job_creates_exactly_the_kafka_topics_of_deploy() {
        String command = Compose.file(Compose.FILE).path("services").path("kafka-topics").path("command")
                .toString();
        Set<String> created = new TreeSet<>();
        Matcher loops = Pattern.compile("for \\w+ in ([^;]+);").matcher(command);
        while (loops.find()) {
            created.addAll(List.of(loops.group(1).trim().split("\\s+")));
        }
        Set<String> declared = new TreeSet<>();
        Repo.yamlDocuments(Repo.read(Repo.path("deploy/kafka-topics/kafka-topics.yaml")))
                .forEach(t -> declared.add(t.path("metadata").path("name").asText()));
        assertThat(created).isEqualTo(declared).containsAll(Expected.eventTopics());
    }

    @Test
    void the_services_take_keycloak_tokens_with_the_audience_and_claims_the_realm_issues() {
        JsonNode realm = Realm.production();
        assertThat(realm.path("realm").asText()).isEqualTo("monitor");
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).contains("respondent", "coordinator", "analyst", "admin");

        Map<String, String> env = Compose.environment(Compose.file(Compose.FILE).path("services")
                .path("survey-service"));
        String audience = env.get("QUARKUS_OIDC_TOKEN_AUDIENCE");
        assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).endsWith("/realms/monitor");
        for (JsonNode client : realm.path("clients")) {
            Set<String> claims = new TreeSet<>();
            Set<String> audiences = new TreeSet<>();
            client.path("protocolMappers").forEach(m -> {
                claims.add(m.path("config").path("claim.name").asText(""));
                audiences.add(m.path("config").path("included.custom.audience").asText(""));
            });
            assertThat(claims).as(client.path("clientId").asText()).contains("municipality", "region", "groups");
            assertThat(audiences).as(client.path("clientId").asText()).contains(audience);
        }
        assertThat(ServiceConfig.of("survey-service").properties()).contains("quarkus.oidc.roles.role-claim-path");
        JsonNode dashboard = client(realm, "monitor-dashboard");
        assertThat(dashboard.path("publicClient").asBoolean()).isTrue();
        assertThat(dashboard.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        JsonNode bulk = client(realm, "monitor-bulk-import");
        assertThat(bulk.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(bulk.path("publicClient").asBoolean()).isFalse();
        List<String> users = new ArrayList<>();
        realm.path("users").forEach(u -> users.add(u.path("username").asText() + " " + u.path("realmRoles")
                + " " + u.path("attributes")));
        Realm.demo().path("users").forEach(u -> users.add(u.path("username").asText() + " " + u.path("realmRoles")
                + " " + u.path("attributes")));
        assertThat(users).anySatisfy(u -> assertThat(u).contains("[\"respondent\"]", "GM0014"))
                .anySatisfy(u -> assertThat(u).contains("[\"coordinator\"]", "Groningen"))
                .anySatisfy(u -> assertThat(u).contains("[\"analyst\"]"))
                .anySatisfy(u -> assertThat(u).contains("service-account-monitor-bulk-import", "[\"admin\"]"));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("No client " + clientId);
    }
}
