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
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operations team needs from {@code kubectl kustomize deploy/overlays/production} before it goes near a real
 * cluster: no demo user, password grant or literal secret; autoscalers that own their replicas, spread pods and
 * disruption budgets that agree with them; one public host with TLS, limits and every API routed.
 */
class ProductionOverlayTest {

    /** Values that only the demo files may hold. */
    private static final List<String> DEMO_VALUES = List.of("respondent-demo", "coordinator-demo", "analyst-demo",
            "admin-demo", "monitor-cli", "change-me", "demo-bulk-import-secret", "monitor-demo-password",
            "respondent-gm0014", "coordinator-groningen");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|jaas|credential|private"
            + "|api_?key|_token$|_key$).*");

    private static Manifests.Rendered production;
    private static List<Manifests.Rendered> all;

    @BeforeAll
    static void render() {
        Assumptions.assumeTrue(Command.onPath("kubectl"), "SKIPPED: kubectl is not installed");
        all = Manifests.overlays().stream().map(Manifests::render).toList();
        production = all.stream().filter(r -> r.name().equals("production")).findFirst().orElseThrow();
    }

    @Test
    void the_realm_in_production_has_no_demo_user_no_password_grant_and_no_secret() throws Exception {
        JsonNode realm = Repo.JSON.readTree(production.one("ConfigMap", "monitor-realm").path("data")
                .path("monitor-realm.json").asText());
        assertThat(realm).as("the rendered realm is deploy/keycloak/monitor-realm.json").isEqualTo(Realm.production());
        for (JsonNode user : realm.path("users")) {
            assertThat(user.path("serviceAccountClientId").asText()).as("a user in production: " + user).isNotEmpty();
            assertThat(user.has("credentials")).isFalse();
        }
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
                    .as(client.path("clientId") + " allows the password grant").isFalse();
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).as(client.path("clientId") + " secret").startsWith("${");
            }
        }
        String text = production.objects().toString();
        assertThat(DEMO_VALUES).as("demo values in the production overlay").noneMatch(text::contains);
        assertThat(production.ofKind("ConfigMap")).as("no demo realm additions").noneMatch(c -> c.path("metadata")
                .path("name").asText().equals("monitor-realm-demo"));
        // ... while the local overlay does carry them, so the check above can fail
        assertThat(all.stream().filter(r -> r.name().equals("local")).findFirst().orElseThrow().objects().toString())
                .contains("monitor-cli");
    }

    @Test
    void production_holds_no_literal_secret() {
        assertThat(production.ofKind("Secret")).as("Secrets are made outside the overlay (SECRETS.md)").isEmpty();
        List<String> problems = new ArrayList<>();
        for (JsonNode configMap : production.ofKind("ConfigMap")) {
            configMap.path("data").fields().forEachRemaining(e -> {
                if (SECRET_NAME.matcher(e.getKey()).matches()) {
                    problems.add("ConfigMap " + configMap.path("metadata").path("name").asText() + " " + e.getKey());
                }
                if (e.getValue().asText().matches("(?s).*(password|secret)=.*")) {
                    problems.add("ConfigMap " + configMap.path("metadata").path("name").asText() + " " + e.getKey()
                            + " has a credential in its value");
                }
            });
        }
        for (JsonNode deployment : production.ofKind("Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode variable : container.path("env")) {
                    if (SECRET_NAME.matcher(variable.path("name").asText()).matches() && variable.has("value")) {
                        problems.add(deployment.path("metadata").path("name").asText() + " env "
                                + variable.path("name").asText() + " has a literal value");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void no_autoscaled_deployment_sets_its_replicas_in_any_overlay() {
        for (var rendered : all) {
            for (String target : autoscaled(rendered).keySet()) {
                JsonNode deployment = rendered.one("Deployment", target);
                assertThat(deployment.path("spec").has("replicas"))
                        .as(rendered.name() + ": " + target + " has spec.replicas while an autoscaler owns it").isFalse();
            }
        }
        assertThat(autoscaled(production).keySet()).as("every service is autoscaled")
                .containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
    }

    @Test
    void disruption_budgets_keep_a_pod_up_at_the_minimum_and_never_block_a_drain() {
        for (var rendered : all.stream().filter(r -> !r.ofKind("Deployment").isEmpty()).toList()) {
            autoscaled(rendered).forEach((service, minimum) -> {
                JsonNode budget = rendered.one("PodDisruptionBudget", service).path("spec");
                int allowed = budget.has("maxUnavailable") ? budget.path("maxUnavailable").asInt()
                        : minimum - budget.path("minAvailable").asInt();
                assertThat(allowed).as(rendered.name() + " " + service + ": a drain can evict one pod at "
                        + minimum + " replicas").isGreaterThanOrEqualTo(1);
                if (rendered.name().equals("production")) {
                    assertThat(minimum).as(service + ": at least two replicas in production").isGreaterThanOrEqualTo(2);
                    assertThat(minimum - allowed).as(service + ": one pod stays up during a drain")
                            .isGreaterThanOrEqualTo(1);
                }
            });
        }
    }

    @Test
    void pods_spread_over_nodes_and_zones_and_request_the_cpu_they_were_sized_for() {
        for (String service : Repo.SERVICES) {
            JsonNode pod = production.one("Deployment", service).path("spec").path("template").path("spec");
            Map<String, String> spread = new TreeMap<>();
            pod.path("topologySpreadConstraints").forEach(c -> {
                spread.put(c.path("topologyKey").asText(), c.path("whenUnsatisfiable").asText());
                assertThat(c.path("labelSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                        .as(service + " spreads its own pods").isEqualTo(service);
            });
            assertThat(spread).as(service).containsEntry("kubernetes.io/hostname", "DoNotSchedule")
                    .containsKey("topology.kubernetes.io/zone");
            JsonNode resources = pod.path("containers").get(0).path("resources");
            assertThat(millicores(resources.path("requests").path("cpu").asText())).as(service + " CPU request")
                    .isGreaterThanOrEqualTo(250);
            assertThat(resources.path("limits").has("cpu")).as(service + ": no CPU limit (no throttled JVM start)")
                    .isFalse();
        }
        JsonNode target = production.one("HorizontalPodAutoscaler", "survey-service").path("spec").path("metrics")
                .get(0).path("resource").path("target");
        assertThat(target.path("averageUtilization").asInt()).isBetween(50, 85);
    }

    @Test
    void one_host_with_tls_limits_and_every_api_and_app_routed() {
        List<JsonNode> ingresses = production.ofKind("Ingress");
        assertThat(ingresses).isNotEmpty();
        Set<String> hosts = new TreeSet<>();
        Map<String, String> routes = new TreeMap<>();
        for (JsonNode ingress : ingresses) {
            String name = ingress.path("metadata").path("name").asText();
            JsonNode annotations = ingress.path("metadata").path("annotations");
            assertThat(annotations.path("cert-manager.io/cluster-issuer").asText()).as(name).isNotEmpty();
            assertThat(annotations.path("nginx.ingress.kubernetes.io/force-ssl-redirect").asText()).as(name)
                    .isEqualTo("true");
            assertThat(annotations.path("nginx.ingress.kubernetes.io/limit-rps").asInt()).as(name + " rate limit")
                    .isPositive();
            assertThat(annotations.path("nginx.ingress.kubernetes.io/limit-connections").asInt()).as(name)
                    .isPositive();
            String body = annotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asText("1m");
            assertThat(bytes(body)).as(name + " body limit").isLessThanOrEqualTo(16L << 20);
            assertThat(ingress.path("spec").path("ingressClassName").asText()).isEqualTo("nginx");
            ingress.path("spec").path("tls").forEach(t -> {
                t.path("hosts").forEach(h -> hosts.add(h.asText()));
                assertThat(t.path("secretName").asText()).as(name + " TLS Secret").isNotEmpty();
            });
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                hosts.add(rule.path("host").asText());
                rule.path("http").path("paths").forEach(p -> routes.put(p.path("path").asText(),
                        p.path("backend").path("service").path("name").asText()));
            }
        }
        assertThat(hosts).as("one host, with TLS").hasSize(1).doesNotContain("monitor.example.nl");
        assertThat(bytes(production.one("Ingress", "monitor-apps").path("metadata").path("annotations")
                .path("nginx.ingress.kubernetes.io/proxy-body-size").asText())).isEqualTo(256 * 1024);
        for (String service : Repo.SERVICES) {
            String prefix = service.substring(0, service.indexOf('-'));
            assertThat(routes).as("the API of " + service).containsEntry("/" + prefix + "(/|$)(.*)", service);
        }
        assertThat(routes).containsEntry("/dashboard/", "reporting-service")
                .containsEntry("/vragenlijst/", "survey-service");
        // the questionnaire calls the reporting-service through its prefix on the same origin
        String host = hosts.iterator().next();
        assertThat(production.one("ConfigMap", "survey-service-config").path("data")
                .path("SURVEY_QUESTIONNAIRE_APP_REPORTING_URL").asText()).isEqualTo("https://" + host + "/reporting");
        // and the dashboard's "Meldingen" calls the notification-service the same way
        assertThat(production.one("ConfigMap", "reporting-service-config").path("data")
                .path("REPORTING_DASHBOARD_NOTIFICATION_URL").asText()).isEqualTo("https://" + host + "/notification");
        // and "Beheer" the survey- and scoring-service
        assertThat(production.one("ConfigMap", "reporting-service-config").path("data")
                .path("REPORTING_DASHBOARD_SURVEY_URL").asText()).isEqualTo("https://" + host + "/survey");
        assertThat(production.one("ConfigMap", "reporting-service-config").path("data")
                .path("REPORTING_DASHBOARD_SCORING_URL").asText()).isEqualTo("https://" + host + "/scoring");
        assertThat(production.one("ConfigMap", "keycloak-realm-settings").path("data").path("MONITOR_PUBLIC_URL")
                .asText()).as("the realm's redirect URIs follow the Ingress host").isEqualTo("https://" + host);
        JsonNode controller = Repo.yaml(Repo.path("deploy/ingress-nginx/values.yaml")).path("controller")
                .path("config");
        assertThat(controller.path("hsts").asText()).isEqualTo("true");
        assertThat(controller.path("hsts-max-age").asLong()).as("HSTS for a year").isGreaterThanOrEqualTo(31536000);
        assertThat(controller.path("use-forwarded-headers").asText()).as("a client's X-Forwarded-For is not believed")
                .isEqualTo("false");
    }

    @Test
    void the_gateway_api_alternative_routes_the_same_host_apps_and_apis_over_https_with_hsts() {
        Manifests.Rendered gateway = all.stream().filter(r -> r.name().equals("production-gateway")).findFirst()
                .orElseThrow();
        assertThat(gateway.ofKind("Ingress")).as("the Gateway replaces the Ingresses").isEmpty();
        String host = production.one("Ingress", "monitor-apps").path("spec").path("rules").get(0).path("host").asText();
        JsonNode listeners = gateway.one("Gateway", "monitor").path("spec").path("listeners");
        assertThat(listeners.findValuesAsText("hostname")).containsOnly(host);
        assertThat(listeners.findValuesAsText("protocol")).contains("HTTPS", "HTTP");
        assertThat(gateway.one("Gateway", "monitor").path("metadata").path("annotations")
                .path("cert-manager.io/cluster-issuer").asText()).isNotEmpty();
        Map<String, String> routes = new TreeMap<>();
        for (JsonNode route : gateway.ofKind("HTTPRoute")) {
            String name = route.path("metadata").path("name").asText();
            route.path("spec").path("hostnames").forEach(h -> assertThat(h.asText()).as(name).isEqualTo(host));
            for (JsonNode rule : route.path("spec").path("rules")) {
                boolean backend = !rule.path("backendRefs").isEmpty();
                if (backend && !route.path("spec").path("parentRefs").get(0).path("sectionName").asText().equals("http")) {
                    assertThat(rule.path("filters").toString()).as(name + ": HSTS on " + rule.path("matches"))
                            .contains("Strict-Transport-Security");
                }
                rule.path("matches").forEach(m -> routes.put(m.path("path").path("value").asText(),
                        rule.path("backendRefs").path(0).path("name").asText("redirect")));
            }
        }
        for (String service : Repo.SERVICES) {
            assertThat(routes).containsEntry("/" + service.substring(0, service.indexOf('-')), service);
        }
        assertThat(routes).containsEntry("/dashboard/", "reporting-service").containsEntry("/vragenlijst/",
                "survey-service").containsEntry("/api/municipalities/[^/]+/card", "reporting-service");
        assertThat(gateway.one("HTTPRoute", "monitor-https-redirect").toString()).contains("\"scheme\":\"https\"");
        assertThat(gateway.one("NetworkPolicy", "survey-service").path("spec").path("ingress").get(0).path("from"))
                .as("the Gateway's proxies reach the services").hasSize(2);
    }

    @Test
    void kube_prometheus_stack_picks_up_the_service_monitor_and_the_rules_by_a_label_set_in_one_place() {
        for (var rendered : all.stream().filter(r -> !r.ofKind("Deployment").isEmpty()).toList()) {
            for (String kind : List.of("ServiceMonitor", "PrometheusRule")) {
                assertThat(rendered.ofKind(kind)).as(rendered.name() + " " + kind).isNotEmpty().allSatisfy(o ->
                        assertThat(o.path("metadata").path("labels").path("release").asText())
                                .as(rendered.name() + " " + kind + " label release").isEqualTo("kube-prometheus-stack"));
            }
            assertThat(rendered.objects()).as(rendered.name() + ": only the monitoring objects carry it")
                    .filteredOn(o -> o.path("metadata").path("labels").has("release"))
                    .allSatisfy(o -> assertThat(o.path("kind").asText()).isIn("ServiceMonitor", "PrometheusRule"));
        }
        List<String> places = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(Repo.path("deploy"))) {
            files.filter(f -> f.toString().endsWith(".yaml") && Repo.read(f).contains("release: kube-prometheus-stack"))
                    .forEach(f -> places.add(Repo.ROOT.relativize(f).toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(places).containsExactly("deploy/components/kube-prometheus-stack/kustomization.yaml");
    }

    /** Autoscaled Deployments of an overlay and their minimum replicas (HPA or KEDA ScaledObject). */
    private static Map<String, Integer> autoscaled(Manifests.Rendered rendered) {
        Map<String, Integer> minimum = new TreeMap<>();
        rendered.ofKind("HorizontalPodAutoscaler").forEach(h -> minimum.put(
                h.path("spec").path("scaleTargetRef").path("name").asText(), h.path("spec").path("minReplicas").asInt(1)));
        rendered.ofKind("ScaledObject").forEach(s -> minimum.put(
                s.path("spec").path("scaleTargetRef").path("name").asText(),
                s.path("spec").path("minReplicaCount").asInt(0)));
        return minimum;
    }

    private static int millicores(String quantity) {
        return quantity.endsWith("m") ? Integer.parseInt(quantity.substring(0, quantity.length() - 1))
                : (int) (Double.parseDouble(quantity) * 1000);
    }

    private static long bytes(String size) {
        String s = size.trim().toLowerCase();
        long unit = s.endsWith("k") ? 1024 : s.endsWith("m") ? 1024 * 1024 : s.endsWith("g") ? 1024L << 20 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

}
