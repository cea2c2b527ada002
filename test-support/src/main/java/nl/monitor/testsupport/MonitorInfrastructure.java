package nl.monitor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM's real Kafka broker and PostgreSQL and at the test token key. Use it on
 * a service's tests with {@code @QuarkusTestResource(MonitorInfrastructure.class)}; the servers start once per JVM
 * and are shared by every test class.
 */
public class MonitorInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** The TEST-ONLY key (id {@code test-only}) the notification-service encrypts webhook secrets with. */
    public static final String WEBHOOK_SECRET_KEY = "test-only:cheGFquEJ9gKU1gAuWZeYsv2zZ7hWafhVUij5xdR35w=";

    @Override
    public Map<String, String> start() {
        return config(KafkaBroker.shared(), PostgresServer.shared());
    }

    /** The configuration a Monitor service needs to run against these servers (also used by the local run). */
    public static Map<String, String> config(KafkaBroker kafka, PostgresServer postgres) {
        return config(kafka.bootstrapServers(), postgres);
    }

    /** The configuration a Monitor service needs to run against these brokers and this database. */
    public static Map<String, String> config(String bootstrapServers, PostgresServer postgres) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        // As in production: Flyway migrates as the owner, the service runs as a role that may only read and write
        // rows (rest-support's db/roles/afterMigrate.sql grants it).
        config.put("quarkus.datasource.username", PostgresServer.RUNTIME_USER);
        config.put("quarkus.datasource.password", PostgresServer.RUNTIME_PASSWORD);
        config.put("quarkus.flyway.username", PostgresServer.USER);
        config.put("quarkus.flyway.password", PostgresServer.PASSWORD);
        config.put("quarkus.oidc.public-key", TestTokens.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        config.put("quarkus.oidc.devservices.enabled", "false");
        config.put("quarkus.keycloak.devservices.enabled", "false");
        // Webhook receivers of the tests and the local run listen on this machine, over plain http.
        config.put("notification.webhook.allowed-hosts", "127.0.0.1");
        config.put("notification.webhook.require-https", "false");
        // The key webhook secrets are encrypted with at rest: TEST-ONLY, as in the notification-service's %test.
        config.put("notification.webhook.secret-keys", WEBHOOK_SECRET_KEY);
        config.put("notification.webhook.secret-key-id", "test-only");
        return config;
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM: the next test class reuses them.
    }
}
