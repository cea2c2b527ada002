package nl.monitor.keycloak;

import nl.monitor.testsupport.KafkaBroker;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.SmtpServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keycloak with the realm file of deploy/keycloak and its demo additions, and the four packaged services configured as production is (the
 * realm's URL alone, no test key), against one Kafka broker and PostgreSQL: started once for all tests of this JVM
 * (Keycloak while the broker and the database start), stopped when the JVM ends.
 */
final class KeycloakPlatform {

    static final Path ROOT = Path.of(System.getProperty("monitor.root", "..")).toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("keycloak-tests/target");

    private static KeycloakServer keycloak;
    private static Platform platform;

    private KeycloakPlatform() {
    }

    static synchronized Platform platform() throws Exception {
        start();
        return platform;
    }

    static synchronized KeycloakServer keycloak() throws Exception {
        start();
        return keycloak;
    }

    private static void start() throws Exception {
        if (platform != null) {
            return;
        }
        long begin = System.nanoTime();
        String zip = System.getProperty("monitor.keycloak.distribution");
        // The production realm with the demo users and monitor-cli on top; the dashboard registers its own origin.
        keycloak = KeycloakServer.launchDemo(zip == null ? KeycloakServer.distribution() : Path.of(zip), ROOT,
                "https://monitor.example.nl", Platform.freePort(), TARGET.resolve("keycloak"));
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "stop-keycloak"));
        KafkaBroker kafka = KafkaBroker.shared();
        kafka.createTopics("survey-submitted", "score-computed", "threshold-crossed");
        Map<String, String> config = new LinkedHashMap<>(keycloak.configure(MonitorInfrastructure.config(kafka,
                PostgresServer.shared())));
        // The notification-service's test profile's retry settings: a delivery to a receiver that keeps failing is
        // FAILED within a second or two (CoordinatorMeldingenIT retries one from the page).
        config.put("notification.delivery.initial-backoff", "200ms");
        config.put("notification.delivery.max-backoff", "1s");
        config.put("notification.delivery.max-attempts", "3");
        // Mail (the survey-service's campaign, the notification-service's e-mail alerts) to a real SMTP server in this
        // JVM: AdminBeheerIT reads what a campaign round sent.
        config.putAll(new SmtpServer().start());
        keycloak.awaitReady(Duration.ofSeconds(180));
        System.out.printf("Keycloak ready after %.1f s%n", (System.nanoTime() - begin) / 1e9);
        platform = Platform.start(ROOT, config, Map.of(), false, TARGET.resolve("service-logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-platform"));
        System.out.printf("Keycloak and the platform ready after %.1f s%n", (System.nanoTime() - begin) / 1e9);
    }
}
