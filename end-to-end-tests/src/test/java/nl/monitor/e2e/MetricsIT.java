package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.monitor.client.notification.api.AlertsApi;
import nl.monitor.client.reporting.api.MunicipalityScoresApi;
import nl.monitor.client.scoring.api.ScoresApi;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every series the Grafana dashboard (deploy/grafana) and the alert rules (deploy/base/monitoring) query exists on
 * the live services' {@code /q/metrics}, with the labels the queries select and group by, after one assessment went
 * the whole way (submitted, scored, reported, alerted to a webhook). Series other exporters make are named and left
 * out: {@code up} (Prometheus itself) and {@code kube_*} (kube-state-metrics of kube-prometheus-stack).
 */
class MetricsIT {

    private static final List<String> SERVICES = List.of("survey-service", "scoring-service", "reporting-service",
            "notification-service");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.\"])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:]*\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");
    /** Labels Prometheus adds at scrape time, and the histogram's bucket bound. */
    private static final Set<String> ADDED = Set.of("job", "instance", "namespace", "pod", "service", "le");
    private static final String SECRET = "metrics-test-webhook-secret";

    private static Platform platform;
    private static WebhookReceiver receiver;

    /** A query's need: this metric, on these jobs (all when empty), with these labels. */
    record Need(String query, String metric, Set<String> jobs, Set<String> labels) {
    }

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

    @Test
    void every_series_the_dashboard_and_the_alert_rules_query_is_on_a_live_service() throws Exception {
        List<String> queries = new ArrayList<>(dashboardQueries());
        queries.addAll(ruleQueries());
        assertThat(queries).as("queries found in the dashboard and the rules").hasSizeGreaterThan(15);
        List<Need> needs = new ArrayList<>();
        queries.forEach(q -> needs.addAll(needs(q)));
        assertThat(needs).extracting(Need::metric).as("the parser finds the metrics")
                .contains("http_server_requests_seconds_bucket", "monitor_consumer_lag", "monitor_outbox_parked");

        driveOneAssessmentTheWholeWay();
        Map<String, Map<String, Set<String>>> scraped = new TreeMap<>();
        for (String service : SERVICES) {
            scraped.put(service, series(Api.get(platform.managementUrl(service) + "/q/metrics", null).body()));
        }
        List<String> missing = new ArrayList<>();
        for (Need need : needs) {
            Set<String> jobs = need.jobs().isEmpty() ? Set.copyOf(SERVICES) : need.jobs();
            boolean anywhere = false;
            for (String job : jobs) {
                Map<String, Set<String>> metrics = scraped.getOrDefault(job, Map.of());
                boolean here = metrics.containsKey(need.metric());
                anywhere |= here;
                if (here && !metrics.get(need.metric()).containsAll(need.labels())) {
                    missing.add(job + " " + need.metric() + " lacks labels " + need.labels() + " (has "
                            + metrics.get(need.metric()) + ") for: " + need.query());
                }
                if (!here && !need.jobs().isEmpty()) {
                    missing.add(job + " does not export " + need.metric() + " for: " + need.query());
                }
            }
            if (!anywhere) {
                missing.add("no service exports " + need.metric() + " for: " + need.query());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void the_query_parser_finds_metrics_jobs_and_labels() {
        List<Need> needs = needs("histogram_quantile(0.95, sum by (job, topic, le) (rate(x_seconds_bucket"
                + "{job=~\"a|b\",uri=~\"/api/.*\"}[5m]))) > 1 and on() up == 0");
        assertThat(needs).extracting(Need::metric).containsExactly("x_seconds_bucket");
        assertThat(needs.get(0).jobs()).containsExactlyInAnyOrder("a", "b");
        assertThat(needs.get(0).labels()).containsExactlyInAnyOrder("uri", "topic");
        assertThat(series("# HELP m x\nm_total{outcome=\"failed\",topic=\"t\"} 1.0\nplain 2\n"))
                .containsEntry("m_total", Set.of("outcome", "topic")).containsEntry("plain", Set.of());
    }

    /** A failing assessment of a year of its own, to a webhook receiver, then each service's API asked once. */
    private static void driveOneAssessmentTheWholeWay() throws Exception {
        Clients.subscribeWebhook(platform, "Groningen", receiver.url(), SECRET, "metrics test");
        ObjectNode assessment = (ObjectNode) Api.read(Files.readString(
                RunningPlatform.ROOT.resolve("local-run/demo/failing-assessment.json")));
        assessment.put("year", 2043);
        String respondent = TestTokens.respondent("GM0014");
        Clients.submit(platform, respondent, Api.write(assessment));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                receiver.calls().stream().anyMatch(c -> c.body().contains("2043")));
        ScoresApi scoring = new ScoresApi(Clients.scoring(platform, respondent));
        MunicipalityScoresApi reporting = new MunicipalityScoresApi(Clients.reporting(platform, respondent));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                Clients.orNull(() -> scoring.getCurrentScore("GM0014", 2043)) != null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                Clients.orNull(() -> reporting.getMunicipalityScore("GM0014", 2043)) != null);
        assertThat(new AlertsApi(Clients.notification(platform, TestTokens.coordinator("Groningen")))
                .listAlerts(null, null, "Groningen", null, null)).isNotEmpty();
        // the outbox relays and the notification's delivery counter run after the commit; the lag after a poll
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                Api.get(platform.managementUrl("notification-service") + "/q/metrics", null).body()
                        .contains("monitor_notification_delivery_attempts_total"));
    }

    private static List<String> dashboardQueries() throws Exception {
        List<String> queries = new ArrayList<>();
        JsonNode dashboard = Api.read(Files.readString(RunningPlatform.ROOT.resolve(
                "deploy/grafana/monitor-dashboard.json")));
        dashboard.findValues("expr").forEach(e -> queries.add(e.asText()));
        return queries;
    }

    private static List<String> ruleQueries() throws Exception {
        List<String> queries = new ArrayList<>();
        Matcher expr = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$").matcher(Files.readString(
                RunningPlatform.ROOT.resolve("deploy/base/monitoring/prometheusrule.yaml")));
        while (expr.find()) {
            queries.add(expr.group(1).trim());
        }
        return queries;
    }

    /** The metrics a PromQL query reads, their job matchers and the labels it selects on or groups by. */
    static List<Need> needs(String query) {
        Set<String> grouped = new TreeSet<>();
        Matcher grouping = GROUPING.matcher(query);
        while (grouping.find()) {
            for (String label : grouping.group(2).split(",")) {
                if (!label.isBlank()) {
                    grouped.add(label.trim());
                }
            }
        }
        String rest = GROUPING.matcher(query).replaceAll(" ");
        rest = rest.replaceAll("\\b(on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        List<Need> needs = new ArrayList<>();
        Map<String, Set<String>> jobs = new HashMap<>();
        Map<String, Set<String>> labels = new HashMap<>();
        Matcher selector = SELECTOR.matcher(rest);
        while (selector.find()) {
            String metric = selector.group(1);
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                if (matcher.group(1).equals("job")) {
                    jobs.computeIfAbsent(metric, m -> new TreeSet<>()).addAll(List.of(matcher.group(3).split("\\|")));
                } else {
                    labels.computeIfAbsent(metric, m -> new TreeSet<>()).add(matcher.group(1));
                }
            }
        }
        rest = SELECTOR.matcher(rest).replaceAll("$1 ").replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        Set<String> metrics = new java.util.LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (!KEYWORDS.contains(name.toLowerCase()) && !name.equals("up") && !name.startsWith("kube_")) {
                metrics.add(name);
            }
        }
        for (String metric : metrics) {
            Set<String> needed = new TreeSet<>(labels.getOrDefault(metric, Set.of()));
            if (metrics.size() == 1) {
                grouped.stream().filter(l -> !ADDED.contains(l)).forEach(needed::add);
            }
            needs.add(new Need(query, metric, jobs.getOrDefault(metric, Set.of()), needed));
        }
        return needs;
    }

    /** Metric name to the label names its series carry, from the Prometheus text format. */
    static Map<String, Set<String>> series(String exposition) {
        Map<String, Set<String>> series = new TreeMap<>();
        for (String line : exposition.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            Set<String> labels = series.computeIfAbsent(name, n -> new TreeSet<>());
            if (brace >= 0 && brace < space) {
                Matcher label = MATCHER.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return series;
    }
}
