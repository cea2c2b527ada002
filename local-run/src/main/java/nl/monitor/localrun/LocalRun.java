package nl.monitor.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.client.notification.ApiClient;
import nl.monitor.client.notification.ApiException;
import nl.monitor.client.notification.api.SubscriptionsApi;
import nl.monitor.client.notification.model.Channel;
import nl.monitor.client.notification.model.SubscriptionRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.monitor.demo.DemoCohorts;
import nl.monitor.testsupport.KafkaBroker;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.WebhookReceiver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command local platform: a real Kafka broker and PostgreSQL in this JVM, the four packaged services as
 * child processes on ports 8081-8084 (health and metrics on 9081-9084), a webhook receiver on 8090 subscribed to
 * every region that prints each alert,
 * an SMTP server on 8025 that prints each e-mail the notification-service sends, and demo tokens. Ctrl-C stops everything it started.
 * With {@code MONITOR_KEYCLOAK=true} (or the argument {@code --keycloak}) a real Keycloak on 8180 with the realm of
 * deploy/keycloak issues the tokens instead of the test key (about 30 s and 500 MB more), as in production.
 */
public final class LocalRun {

    static final int RECEIVER_PORT = 8090;
    static final String RECEIVER_SECRET = "local-demo-webhook-secret";
    static final int SMTP_PORT = 8025;
    static final int DRILL_PORT = 8089;
    static final int KEYCLOAK_PORT = 8180;
    private static final List<String> TOPICS = List.of("survey-submitted", "score-computed", "threshold-crossed");

    private final Path root;
    private final boolean withKeycloak;
    private final ObjectMapper json = new ObjectMapper();
    private KeycloakServer keycloak;
    private DemoTokens tokens = DemoTokens.testKeys();

    private LocalRun(Path root, boolean withKeycloak) {
        this.root = root;
        this.withKeycloak = withKeycloak;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        Path root = Path.of(arguments.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("."))
                .toAbsolutePath().normalize();
        boolean keycloak = arguments.contains("--keycloak")
                || List.of("true", "1", "yes").contains(System.getenv().getOrDefault("MONITOR_KEYCLOAK", "").toLowerCase());
        new LocalRun(root, keycloak).run();
    }

    private void run() throws Exception {
        Path runDir = root.resolve(".run");
        Files.createDirectories(runDir);
        System.setProperty("monitor.postgres.working-dir", runDir.resolve("postgres").toString());
        long start = System.nanoTime();
        if (withKeycloak) {
            say("Starting Keycloak on 127.0.0.1:" + KEYCLOAK_PORT + " with the realm of deploy/keycloak and its demo users (log in "
                    + root.relativize(runDir.resolve("keycloak/keycloak.log")) + ") ...");
            // The production realm with the demo users and monitor-cli of deploy/keycloak/demo on top.
            keycloak = KeycloakServer.launchDemo(keycloakDistribution(), root, "http://localhost:8083", KEYCLOAK_PORT,
                    runDir.resolve("keycloak"));
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "local-run-stop-keycloak"));
        }

        say("Starting Kafka (KRaft) and PostgreSQL ...");
        KafkaBroker kafka = KafkaBroker.shared();
        kafka.createTopics(TOPICS.toArray(String[]::new));
        PostgresServer postgres = PostgresServer.shared();
        DrillControl drill = new DrillControl(DRILL_PORT, postgres);

        WebhookReceiver receiver = new WebhookReceiver(RECEIVER_PORT, RECEIVER_SECRET, this::printAlert);
        MailSink mails = new MailSink(SMTP_PORT, LocalRun::printMail);
        Map<String, String> config = new LinkedHashMap<>(MonitorInfrastructure.config(kafka, postgres));
        config.putAll(Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(SMTP_PORT),
                "quarkus.mailer.start-tls", "DISABLED"));
        if (keycloak != null) {
            keycloak.awaitReady(Duration.ofMinutes(3));
            say("Keycloak is up: " + keycloak.issuer());
            config = keycloak.configure(config);
            // the dashboard also under 127.0.0.1 (the realm file names one public URL)
            keycloak.allowBrowserApp("monitor-dashboard", "http://127.0.0.1:8083", "/dashboard/");
            // the questionnaire of the survey-service signs in with the same client
            keycloak.allowBrowserApp("monitor-dashboard", "http://127.0.0.1:8081", "/vragenlijst/");
            keycloak.allowBrowserApp("monitor-dashboard", "http://localhost:8081", "/vragenlijst/");
            tokens = DemoTokens.keycloak(keycloak);
        }
        say("Starting the four services (logs in " + root.relativize(runDir.resolve("logs")) + "/) ...");
        Platform platform = Platform.start(root, config, Map.of(), true, runDir.resolve("logs"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping the services, Kafka and PostgreSQL ...");
            platform.close();
            receiver.close();
            mails.close();
            drill.close();
            stopped.countDown();
        }, "local-run-stop"));

        say("Loading the demo waves " + DemoCohorts.YEARS + " through the bulk import ...");
        long loading = System.nanoTime();
        DemoLoad demo = new DemoLoad(json, kafka.bootstrapServers(), tokens);
        Map<Integer, Integer> imported = demo.importWaves(platform.url("survey-service"));
        demo.createThreshold(platform.url("scoring-service"));
        int figures = demo.importIndicators(platform.url("survey-service"));
        int plans = demo.savePlans(platform.url("survey-service"));
        demo.awaitDigested(platform.url("reporting-service"), imported);
        say(String.format("Imported, scored and reported %s municipalities per wave, %d synthetic indicator"
                + " figures (with a sample threshold of coordinator Groningen) and %d synthetic municipal plans in %.0f s.",
                imported, figures, plans, (System.nanoTime() - loading) / 1_000_000_000.0));
        subscribeEveryRegion(platform.url("notification-service"), receiver.url());
        printBanner(platform, (System.nanoTime() - start) / 1_000_000_000.0);
        stopped.await();
    }

    /** Keycloak's zip in the local Maven repository, fetched there by the Maven wrapper the first time. */
    private Path keycloakDistribution() throws IOException, InterruptedException {
        Path zip = KeycloakServer.distribution();
        if (!Files.isRegularFile(zip)) {
            say("Fetching Keycloak " + KeycloakServer.VERSION + " from Maven Central (177 MB, once) ...");
            int exit = new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "-q", "dependency:get",
                    "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + KeycloakServer.VERSION + ":zip",
                    "-Dtransitive=false").directory(root.toFile()).inheritIO().start().waitFor();
            if (exit != 0 || !Files.isRegularFile(zip)) {
                throw new IllegalStateException("Could not fetch Keycloak into " + zip);
            }
        }
        return zip;
    }

    private void subscribeEveryRegion(String notificationUrl, String receiverUrl) throws ApiException {
        List<String> regions = nl.monitor.reference.MunicipalityDivision.shipped().regions().stream().toList();
        ApiClient client = new ApiClient();
        client.updateBaseUri(notificationUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.admin()));
        SubscriptionsApi subscriptions = new SubscriptionsApi(client);
        for (String region : regions) {
            subscriptions.createSubscription(new SubscriptionRequest().region(region).channel(Channel.WEBHOOK)
                    .url(receiverUrl).secret(RECEIVER_SECRET).description("local-run terminal receiver"));
        }
        say("Webhook receiver " + receiverUrl + " subscribed to all " + regions.size() + " Veilig Thuis regions.");
    }

    private void printAlert(WebhookReceiver.Call call) {
        try {
            JsonNode alert = json.readTree(call.body());
            JsonNode threshold = alert.path("threshold");
            String what = threshold.path("scope").asText().equals("GOAL")
                    ? "goal " + threshold.path("goal").asInt() : "total";
            String from = alert.path("previousScore").isNull() ? "first score"
                    : alert.path("previousScore").asText() + " " + alert.path("previousBand").asText();
            System.out.printf("%n*** %s %s %s (region %s), %d: %s %s %s: %s -> %s %s   [delivery %s, signature %s]%n%n",
                    alert.path("type").asText().equals("resolved") ? "RESOLVED" : "ALERT",
                    alert.path("municipality").asText(), alert.path("municipalityName").asText(),
                    alert.path("region").asText(), alert.path("year").asInt(), what,
                    alert.path("direction").asText().equals("DOWN") ? "fell below" : "rose above",
                    threshold.path("value").asText(), from, alert.path("newScore").asText(),
                    alert.path("newBand").asText(), alert.path("deliveryId").asText(call.id()),
                    call.signatureValid() ? "valid" : "INVALID");
        } catch (IOException e) {
            System.out.println("*** ALERT (unreadable body): " + call.body());
        }
    }

    private static void printMail(jakarta.mail.internet.MimeMessage mail) {
        try {
            System.out.printf("%n*** E-MAIL to %s%n    Subject: %s%n    %s%n", mail.getAllRecipients()[0],
                    mail.getSubject(), MailSink.text(mail).strip().replace("\n", "\n    "));
        } catch (jakarta.mail.MessagingException e) {
            System.out.println("*** E-MAIL (unreadable): " + e.getMessage());
        }
    }

    private void printBanner(Platform platform, double seconds) throws IOException {
        String respondent = tokens.respondent();
        String coordinator = tokens.coordinator();
        String analyst = tokens.analyst();
        String admin = tokens.admin();
        Path tokenFile = root.resolve(".run/tokens.env");
        Files.writeString(tokenFile, String.join("\n",
                "RESPONDENT_GM0014=" + respondent,
                "COORDINATOR_GRONINGEN=" + coordinator,
                "ANALYST=" + analyst,
                "ADMIN=" + admin, ""));
        StringBuilder banner = new StringBuilder();
        banner.append(String.format("%nMonitor platform is up (%.0f s). Reference data: %d municipalities in %d regions.%n%n",
                seconds, nl.monitor.reference.MunicipalityDivision.shipped().size(),
                nl.monitor.reference.MunicipalityDivision.shipped().regions().size()));
        for (var service : platform.services()) {
            banner.append(String.format("  %-21s %s   (Swagger UI %s/swagger-ui; health %s/q/health, metrics %s/q/metrics)%n",
                    service.name(), service.url(), service.url(), service.managementUrl(), service.managementUrl()));
        }
        banner.append(String.format("  %-21s %s/api-reference/   (the four services' OpenAPI documents)%n",
                "API reference", platform.url("survey-service")));
        String dashboard = platform.url("reporting-service") + "/dashboard/";
        String questionnaire = String.format("%s/vragenlijst/?gemeente=GM0014&jaar=2018&rapportage=%s#token=%s",
                platform.url("survey-service"), platform.url("reporting-service"), respondent);
        if (keycloak != null) {
            banner.append(String.format("  %-21s %s   (admin console %s/admin, %s/%s)%n", "keycloak",
                    keycloak.url(), keycloak.url(), KeycloakServer.ADMIN, KeycloakServer.ADMIN_PASSWORD));
            banner.append(String.format("%nDashboard (sign in at Keycloak with a demo user below):%n  %s%n", dashboard));
            banner.append(String.format("  the coordinator's \"Meldingen\" (alerts, subscriptions, contacts): sign in as"
                    + " coordinator-groningen, menu Meldingen: %s#/meldingen%n", dashboard));
            banner.append(String.format("  the coordinator's \"Drempels\" (thresholds on indicator figures): sign in as"
                    + " coordinator-groningen, menu Drempels: %s#/drempels%n", dashboard));
            banner.append(String.format("  the admin's \"Beheer\" (waves, audit trail, dead letters): sign in as"
                    + " monitor-admin, menu Beheer: %s#/beheer/golven%n", dashboard));
            banner.append("\nDemo users of the realm monitor (user / password):\n");
            for (String[] user : DemoTokens.KEYCLOAK_USERS) {
                banner.append(String.format("  %-22s %-17s %s%n", user[0], user[1], user[2]));
            }
            banner.append(String.format("  bulk import client: %s, secret %s (client credentials)%n",
                    DemoTokens.IMPORT_CLIENT, DemoTokens.IMPORT_SECRET));
            banner.append(String.format("%nQuestionnaire (sign in as respondent-gm0014: your municipality's open wave, or"
                    + " add ?jaar=2018):%n  %s/vragenlijst/%n", platform.url("survey-service")));
            banner.append(String.format("%nTokens from Keycloak last 5 minutes (these are also in %s); a new one:%n"
                    + "  curl -s -d grant_type=password -d client_id=monitor-cli -d username=analyst -d password=analyst-demo"
                    + " %s/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/'%n",
                    root.relativize(tokenFile), keycloak.issuer()));
        } else {
            banner.append(String.format("%nDashboard (2017 against 2014, as analyst):%n  %s#token=%s%n", dashboard,
                    analyst));
            banner.append(String.format("  as coordinator of Groningen: %s#token=%s%n", dashboard, coordinator));
            banner.append(String.format("  the coordinator's thresholds on indicator figures (\"Drempels\"):"
                    + " %s#token=%s&to=/drempels%n", dashboard, coordinator));
            banner.append(String.format("  as admin (\"Beheer\": waves, audit trail, dead letters):"
                    + " %s#token=%s&to=/beheer/golven%n", dashboard, admin));
            banner.append(String.format("%nQuestionnaire (the 2018 wave, as the demo respondent of GM0014 Groningen):"
                    + "%n  %s%n", questionnaire));
            banner.append(String.format("%nDemo tokens (valid 12 h; also in %s, source it with `set -a; . %s`):%n",
                    root.relativize(tokenFile), root.relativize(tokenFile)));
            banner.append("  respondent GM0014 Groningen: ").append(respondent).append('\n');
            banner.append("  coordinator Groningen:       ").append(coordinator).append('\n');
            banner.append("  analyst:                     ").append(analyst).append('\n');
            banner.append("  admin:                       ").append(admin).append('\n');
            banner.append("  (MONITOR_KEYCLOAK=true ./run-local.sh signs in with a real Keycloak instead)\n");
        }
        banner.append("\nSubmit a failing demo assessment (an alert prints here within seconds):\n");
        banner.append(curl(platform.url("survey-service"), respondent, "local-run/demo/failing-assessment.json"));
        banner.append("\nThen an improved one (the municipality crosses back up):\n");
        banner.append(curl(platform.url("survey-service"), respondent, "local-run/demo/improved-assessment.json"));
        String notification = platform.url("notification-service");
        banner.append("\nOther channels: subscribe coordinator Groningen by e-mail (mails print here, from the local SMTP"
                + " server on port " + SMTP_PORT + "):\n");
        banner.append("  curl -s -X POST " + notification + "/api/subscriptions -H 'Authorization: Bearer "
                + coordinator + "' -H 'Content-Type: application/json' -d '{\"region\": "
                + "\"Groningen\", \"channel\": \"EMAIL\", \"email\": \"coordinator@veiligthuis-groningen.example\"}'\n");
        banner.append("or follow the live alert feed (Server-Sent Events):\n");
        banner.append("  curl -N " + notification + "/api/alerts/stream -H 'Authorization: Bearer "
                + analyst + "'\n");
        banner.append("\nDatabase outage drill (nothing is lost; see the README): in another terminal\n"
                + "  scripts/local-postgres.sh stop    # the services report not ready, submissions answer 503\n"
                + "  scripts/local-postgres.sh start   # they catch up by themselves\n");
        banner.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(banner);
    }

    private static String curl(String surveyUrl, String token, String file) {
        return "  curl -s -X POST " + surveyUrl + "/api/submissions -H 'Authorization: Bearer " + token
                + "' -H 'Content-Type: application/json' -d @" + file + "\n";
    }

    private static void say(String message) {
        System.out.println("[local-run] " + message);
    }
}
