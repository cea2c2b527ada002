package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/ checked offline: every overlay renders, every object is valid for its kind, and the manifests agree with
 * the services (configuration they read, health paths, topics, image names).
 */
class KustomizeManifestsTest {

    /** apiVersion and model class of every built-in kind the manifests may use. */
    private static final Map<String, Map.Entry<String, Class<?>>> TYPED = Map.ofEntries(
            Map.entry("ConfigMap", Map.entry("v1", io.fabric8.kubernetes.api.model.ConfigMap.class)),
            Map.entry("Secret", Map.entry("v1", io.fabric8.kubernetes.api.model.Secret.class)),
            Map.entry("Service", Map.entry("v1", io.fabric8.kubernetes.api.model.Service.class)),
            Map.entry("Deployment", Map.entry("apps/v1", io.fabric8.kubernetes.api.model.apps.Deployment.class)),
            Map.entry("PodDisruptionBudget", Map.entry("policy/v1",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class)),
            Map.entry("HorizontalPodAutoscaler", Map.entry("autoscaling/v2",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)),
            Map.entry("NetworkPolicy", Map.entry("networking.k8s.io/v1",
                    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class)),
            Map.entry("Ingress", Map.entry("networking.k8s.io/v1",
                    io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)),
            Map.entry("Gateway", Map.entry("gateway.networking.k8s.io/v1",
                    io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class)),
            Map.entry("HTTPRoute", Map.entry("gateway.networking.k8s.io/v1",
                    io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class)),
            Map.entry("ServiceMonitor", Map.entry("monitoring.coreos.com/v1",
                    io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class)),
            Map.entry("PrometheusRule", Map.entry("monitoring.coreos.com/v1",
                    io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class)));

    /** Custom resources and the CRD schema (kept in the repo, with its licence) they are checked against. */
    private static final Map<String, Map.Entry<String, JsonSchema>> CUSTOM = Map.of(
            "KafkaTopic", Map.entry("kafka.strimzi.io/v1",
                    Schemas.crd("/schemas/strimzi/043-Crd-kafkatopic.yaml", "v1")),
            "KafkaUser", Map.entry("kafka.strimzi.io/v1",
                    Schemas.crd("/schemas/strimzi/044-Crd-kafkauser.yaml", "v1")),
            "ScaledObject", Map.entry("keda.sh/v1alpha1",
                    Schemas.crd("/schemas/keda/keda.sh_scaledobjects.yaml", "v1alpha1")),
            "TriggerAuthentication", Map.entry("keda.sh/v1alpha1",
                    Schemas.crd("/schemas/keda/keda.sh_triggerauthentications.yaml", "v1alpha1")));

    private static final List<Manifests.Rendered> RENDERED = new ArrayList<>();

    @BeforeAll
    static void render() {
        ensureKubectl();
        for (var overlay : Manifests.overlays()) {
            RENDERED.add(Manifests.render(overlay));
        }
    }

    private static void ensureKubectl() {
        if (!Command.onPath("kubectl") && "root".equals(System.getProperty("user.name"))
                && Command.onPath("apt-get")) {
            Command.run(Repo.ROOT, Map.of("DEBIAN_FRONTEND", "noninteractive"), Duration.ofMinutes(5),
                    List.of("bash", "-c", "apt-get update -qq && apt-get install -y -qq kubernetes-client"));
        }
        Assumptions.assumeTrue(Command.onPath("kubectl"),
                "SKIPPED: kubectl is not installed and could not be installed here; deploy/ was not rendered");
        String version = Command.run(Repo.ROOT, Duration.ofSeconds(30), "kubectl", "version", "--client").output();
        Assumptions.assumeFalse(version.matches("(?s).*v1\\.(1\\d|20)\\..*"),
                "SKIPPED: kubectl " + version.trim() + " embeds a Kustomize too old for deploy/ (needs kubectl 1.21+)");
    }

    /** The parts of an external-secrets.io/v1 ExternalSecret the examples use, as its CRD requires them. */
    static List<String> externalSecretProblems(JsonNode object) {
        List<String> problems = new ArrayList<>();
        if (!object.path("apiVersion").asText().equals("external-secrets.io/v1")) {
            problems.add("apiVersion " + object.path("apiVersion").asText() + ", expected external-secrets.io/v1");
        }
        JsonNode spec = object.path("spec");
        Set<String> known = Set.of("refreshInterval", "secretStoreRef", "target", "data", "dataFrom");
        spec.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                problems.add("unknown field spec." + f);
            }
        });
        if (!Set.of("SecretStore", "ClusterSecretStore").contains(spec.path("secretStoreRef").path("kind").asText())
                || spec.path("secretStoreRef").path("name").asText().isEmpty()) {
            problems.add("spec.secretStoreRef needs kind SecretStore or ClusterSecretStore and a name");
        }
        if (spec.path("target").path("name").asText().isEmpty()) {
            problems.add("spec.target.name missing");
        }
        if (!spec.path("data").isArray() || spec.path("data").isEmpty()) {
            problems.add("spec.data missing");
        }
        spec.path("data").forEach(d -> {
            if (d.path("secretKey").asText().isEmpty() || d.path("remoteRef").path("key").asText().isEmpty()) {
                problems.add("spec.data[] needs secretKey and remoteRef.key: " + d);
            }
        });
        return problems;
    }

    private static List<Manifests.Rendered> applications() {
        return RENDERED.stream().filter(r -> !r.ofKind("Deployment").isEmpty()).toList();
    }

    @Test
    void there_are_the_local_and_production_overlays_each_with_its_topics() {
        assertThat(RENDERED).extracting(Manifests.Rendered::name)
                .contains("local", "production", "local/kafka-topics", "production/kafka-topics",
                        "production/kafka-users", "production/external-secrets", "production-gateway");
        assertThat(RENDERED).allSatisfy(r -> assertThat(r.objects()).as(r.name()).isNotEmpty());
    }

    @Test
    void every_rendered_object_is_valid_for_its_kind() throws Exception {
        List<String> problems = new ArrayList<>();
        for (var rendered : RENDERED) {
            for (JsonNode object : rendered.objects()) {
                String kind = object.path("kind").asText();
                String where = rendered.name() + " " + kind + "/" + object.path("metadata").path("name").asText();
                String apiVersion = object.path("apiVersion").asText();
                if (TYPED.containsKey(kind)) {
                    var expected = TYPED.get(kind);
                    if (!expected.getKey().equals(apiVersion)) {
                        problems.add(where + ": apiVersion " + apiVersion + ", expected " + expected.getKey());
                    }
                    Object typed = Repo.JSON.treeToValue(object, expected.getValue());
                    Schemas.unknownFields(typed, where, problems);
                } else if (CUSTOM.containsKey(kind)) {
                    var expected = CUSTOM.get(kind);
                    if (!expected.getKey().equals(apiVersion)) {
                        problems.add(where + ": apiVersion " + apiVersion + ", expected " + expected.getKey());
                    }
                    Schemas.errors(expected.getValue(), object).forEach(e -> problems.add(where + ": " + e));
                } else if (kind.equals("ExternalSecret")) {
                    // No CRD vendored (the External Secrets schema is 700 KB and changes with every provider): the
                    // fields the example uses are checked by hand.
                    externalSecretProblems(object).forEach(e -> problems.add(where + ": " + e));
                } else {
                    problems.add(where + ": no model class or schema for kind " + kind);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_service_has_its_deployment_service_config_budget_policy_and_autoscaler() {
        for (var rendered : applications()) {
            for (String service : Repo.SERVICES) {
                JsonNode deployment = rendered.one("Deployment", service);
                rendered.one("Service", service);
                rendered.one("ConfigMap", service + "-config");
                rendered.one("PodDisruptionBudget", service);
                rendered.one("NetworkPolicy", service);
                boolean scaled = rendered.ofKind("ScaledObject").stream().anyMatch(o -> targets(o, service))
                        || rendered.ofKind("HorizontalPodAutoscaler").stream().anyMatch(o -> targets(o, service));
                assertThat(scaled).as(rendered.name() + ": an autoscaler for " + service).isTrue();

                JsonNode pod = deployment.path("spec").path("template").path("spec");
                assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                        .as(rendered.name() + " " + service + " runs as non-root").isTrue();
                JsonNode container = pod.path("containers").get(0);
                assertThat(container.path("resources").path("limits").path("memory").asText())
                        .as(service + " memory limit").isNotEmpty();
                Set<String> envFrom = new TreeSet<>();
                container.path("envFrom").forEach(e -> {
                    envFrom.add(e.path("configMapRef").path("name").asText(""));
                    envFrom.add(e.path("secretRef").path("name").asText(""));
                });
                assertThat(envFrom).as(service + " envFrom").contains(service + "-config", service + "-config-creds");
            }
        }
    }

    private static boolean targets(JsonNode autoscaler, String service) {
        return autoscaler.path("spec").path("scaleTargetRef").path("name").asText().equals(service);
    }

    @Test
    void every_environment_variable_set_maps_to_configuration_the_service_reads() {
        List<String> problems = new ArrayList<>();
        for (var rendered : applications()) {
            for (String service : Repo.SERVICES) {
                ServiceConfig config = ServiceConfig.of(service);
                Set<String> variables = new TreeSet<>();
                rendered.one("ConfigMap", service + "-config").path("data").fieldNames()
                        .forEachRemaining(variables::add);
                rendered.ofKind("Secret").stream()
                        .filter(s -> s.path("metadata").path("name").asText().equals(service + "-config-creds"))
                        .forEach(s -> {
                            s.path("data").fieldNames().forEachRemaining(variables::add);
                            s.path("stringData").fieldNames().forEachRemaining(variables::add);
                        });
                rendered.one("Deployment", service).path("spec").path("template").path("spec").path("containers")
                        .get(0).path("env").forEach(e -> variables.add(e.path("name").asText()));
                variables.forEach(v -> config.unknownVariable(v)
                        .ifPresent(p -> problems.add(rendered.name() + " " + service + ": " + p)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_probe_asks_a_health_path_on_the_management_port_which_only_prometheus_reaches() {
        Set<String> healthPaths = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");
        for (var rendered : applications()) {
            for (String service : Repo.SERVICES) {
                ServiceConfig config = ServiceConfig.of(service);
                assertThat(config.hasHealth()).as(service + " has quarkus-smallrye-health").isTrue();
                assertThat(config.properties()).as(service + " keeps the default health paths")
                        .doesNotContain("quarkus.http.non-application-root-path", "quarkus.smallrye-health.root-path");
                JsonNode container = rendered.one("Deployment", service).path("spec").path("template")
                        .path("spec").path("containers").get(0);
                Map<String, Integer> ports = new HashMap<>();
                container.path("ports").forEach(p -> ports.put(p.path("name").asText(),
                        p.path("containerPort").asInt()));
                assertThat(ports).as(service + " container ports").containsEntry("http", config.httpPort())
                        .containsEntry("management", config.managementPort());
                assertThat(config.managementPort()).as(service + ": health and metrics apart from the APIs")
                        .isNotEqualTo(config.httpPort());
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    assertThat(get.path("path").asText()).as(rendered.name() + " " + service + " " + probe)
                            .isIn(healthPaths);
                    String port = get.path("port").asText();
                    assertThat(port.equals("management") || port.equals(String.valueOf(config.managementPort())))
                            .as(service + " " + probe + " port " + port).isTrue();
                }
                JsonNode policy = rendered.one("NetworkPolicy", service).path("spec");
                policy.path("ingress").forEach(rule -> {
                    Set<String> from = new TreeSet<>();
                    rule.path("from").forEach(f -> from.add(
                            f.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText()));
                    rule.path("ports").forEach(p -> assertThat(!p.path("port").asText().equals("management")
                            || from.equals(Set.of("monitoring"))).as(rendered.name() + " " + service
                            + ": the management port only from monitoring, not " + from).isTrue());
                });
                Map<String, String> servicePorts = new HashMap<>();
                rendered.one("Service", service).path("spec").path("ports").forEach(p -> servicePorts.put(
                        p.path("name").asText(), p.path("targetPort").asText()));
                assertThat(servicePorts).as(rendered.name() + " " + service + " Service ports")
                        .containsEntry("http", "http").containsEntry("management", "management");
                assertThat(List.of("startupProbe", "livenessProbe", "readinessProbe").stream()
                        .map(p -> container.path(p).path("httpGet").path("path").asText()).collect(Collectors.toSet()))
                        .as(service + ": one probe per health check").isEqualTo(healthPaths);
            }
            assertThat(rendered.ofKind("ServiceMonitor")).as(rendered.name() + " ServiceMonitor").isNotEmpty()
                    .allSatisfy(monitor -> monitor.path("spec").path("endpoints").forEach(endpoint -> assertThat(
                            endpoint.path("port").asText()).as("Prometheus scrapes").isEqualTo("management")));
        }
    }

    @Test
    void every_topic_the_services_use_has_a_kafka_topic_and_every_kafka_topic_is_used() {
        Set<String> events = Expected.eventTopics();
        for (var rendered : RENDERED.stream().filter(r -> !r.ofKind("KafkaTopic").isEmpty()).toList()) {
            Map<String, JsonNode> topics = new HashMap<>();
            rendered.ofKind("KafkaTopic").forEach(t -> topics.put(
                    t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText()), t));
            assertThat(topics.keySet()).as(rendered.name() + ": the event topics").containsAll(events);
            for (String service : Repo.SERVICES) {
                assertThat(topics.keySet()).as(rendered.name() + ": topics " + service + " configures")
                        .containsAll(Expected.configuredTopics(service));
            }
            for (String topic : topics.keySet()) {
                JsonNode spec = topics.get(topic).path("spec");
                assertThat(spec.path("partitions").asInt()).as(topic + " partitions").isEqualTo(12);
                if (events.contains(topic)) {
                    assertThat(spec.path("config").path("retention.ms").asText()).as(topic + " keeps everything")
                            .isEqualTo("-1");
                } else {
                    boolean deadLetter = Repo.SERVICES.stream().anyMatch(s -> events.stream()
                            .anyMatch(e -> Expected.deadLetterTopic(s, e).equals(topic)));
                    assertThat(deadLetter).as(topic + " is an event topic or <service>.<topic>.dlq").isTrue();
                }
            }
        }
        for (var rendered : applications()) {
            for (JsonNode scaled : rendered.ofKind("ScaledObject")) {
                String service = scaled.path("spec").path("scaleTargetRef").path("name").asText();
                for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                    assertThat(trigger.path("type").asText()).isEqualTo("kafka");
                    assertThat(trigger.path("metadata").path("consumerGroup").asText())
                            .as(service + " consumer group").isEqualTo(service);
                    assertThat(trigger.path("metadata").path("topic").asText()).as(service + " lag topic")
                            .isIn(events);
                    String dlq = Expected.deadLetterTopic(service, trigger.path("metadata").path("topic").asText());
                    RENDERED.stream().filter(r -> r.overlay().startsWith(rendered.overlay())
                                    && !r.ofKind("KafkaTopic").isEmpty())
                            .forEach(r -> assertThat(r.ofKind("KafkaTopic")).as(r.name() + " has " + dlq)
                                    .anySatisfy(t -> assertThat(t.path("metadata").path("name").asText())
                                            .isEqualTo(dlq)));
                }
            }
        }
    }

    @Test
    void every_consuming_service_scales_on_every_topic_it_consumes() {
        for (var rendered : applications()) {
            for (String service : Repo.SERVICES) {
                Set<String> consumed = Expected.consumedTopics(service);
                List<JsonNode> scaled = rendered.ofKind("ScaledObject").stream().filter(o -> o.path("spec")
                        .path("scaleTargetRef").path("name").asText().equals(service)).toList();
                if (consumed.isEmpty()) {
                    assertThat(scaled).as(rendered.name() + ": " + service + " consumes nothing").isEmpty();
                    continue;
                }
                assertThat(scaled).as(rendered.name() + ": ScaledObject of " + service).hasSize(1);
                Set<String> watched = new java.util.TreeSet<>();
                scaled.get(0).path("spec").path("triggers").forEach(t -> watched.add(
                        t.path("metadata").path("topic").asText()));
                assertThat(watched).as(rendered.name() + ": topics KEDA watches for " + service)
                        .isEqualTo(consumed);
            }
        }
    }

    @Test
    void production_connects_every_client_over_tls_with_the_services_own_scram_principal() {
        Manifests.Rendered production = RENDERED.stream().filter(r -> r.name().equals("production")).findFirst()
                .orElseThrow();
        for (String service : Repo.SERVICES) {
            JsonNode settings = production.one("ConfigMap", service + "-config").path("data");
            assertThat(settings.path("KAFKA_SECURITY_PROTOCOL").asText()).as(service).isEqualTo("SASL_SSL");
            assertThat(settings.path("KAFKA_SASL_MECHANISM").asText()).as(service).isEqualTo("SCRAM-SHA-512");
            assertThat(settings.path("KAFKA_BOOTSTRAP_SERVERS").asText()).as(service).endsWith(":9093");
            JsonNode pod = production.one("Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            JsonNode jaas = null;
            for (JsonNode variable : container.path("env")) {
                if (variable.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    jaas = variable.path("valueFrom").path("secretKeyRef");
                }
            }
            assertThat(jaas).as(service + ": KAFKA_SASL_JAAS_CONFIG from a Secret").isNotNull();
            assertThat(jaas.path("name").asText()).as(service + ": the Secret of its own KafkaUser").isEqualTo(service);
            assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/etc/kafka-ca");
            assertThat(pod.path("volumes").findValuesAsText("secretName")).contains("monitor-cluster-ca-cert");
            for (JsonNode scaled : production.ofKind("ScaledObject")) {
                if (!scaled.path("spec").path("scaleTargetRef").path("name").asText().equals(service)) {
                    continue;
                }
                for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                    assertThat(trigger.path("metadata").path("sasl").asText()).as(service).isEqualTo("scram_sha512");
                    assertThat(trigger.path("metadata").path("tls").asText()).as(service).isEqualTo("enable");
                    String authentication = trigger.path("authenticationRef").path("name").asText();
                    JsonNode secretRefs = production.one("TriggerAuthentication", authentication).path("spec")
                            .path("secretTargetRef");
                    assertThat(secretRefs.findValuesAsText("name")).as(authentication).contains(service);
                }
            }
        }
        assertThat(production.objects()).as("no service settings point at the plaintext listener (9092)")
                .noneMatch(o -> o.toString().contains("9092") && o.path("kind").asText().equals("ConfigMap")
                        && o.path("metadata").path("name").asText().endsWith("-config"));
    }

    @Test
    void images_are_the_ones_the_build_makes() {
        for (var rendered : applications()) {
            for (String service : Repo.SERVICES) {
                String image = rendered.one("Deployment", service).path("spec").path("template").path("spec")
                        .path("containers").get(0).path("image").asText();
                String expected = Expected.image(service);
                if (rendered.name().equals("local")) {
                    assertThat(image).as("local overlay: the image scripts/build-images.sh makes").isEqualTo(expected);
                } else {
                    String repository = image.substring(0, image.lastIndexOf(':'));
                    assertThat(repository.substring(repository.lastIndexOf('/') + 1)).as(rendered.name() + " " + image)
                            .isEqualTo(expected.substring(expected.lastIndexOf('/') + 1, expected.lastIndexOf(':')));
                    assertThat(image.substring(image.lastIndexOf(':') + 1)).as(image + " has a tag").isNotBlank();
                }
            }
        }
    }
}
