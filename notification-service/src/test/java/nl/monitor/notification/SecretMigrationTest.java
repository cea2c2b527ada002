package nl.monitor.notification;

import nl.monitor.notification.channel.webhook.WebhookSecret;
import nl.monitor.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V6 turns the stored plain-text secrets (their UTF-8 bytes were the key) into the Standard Webhooks form
 * with the same key, so existing receivers keep verifying. Run on a schema of its own in the tests' PostgreSQL: the
 * migrations up to V5, a subscription as the service stored it then, and the rest.
 */
class SecretMigrationTest {

    private static final String SCHEMA = "notification_secret_migration";

    @Test
    void stored_plain_text_secrets_become_whsec_of_the_same_key() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        FluentConfiguration flyway = Flyway.configure().dataSource(postgres.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD).schemas(SCHEMA).locations("classpath:db/migration");
        // a long secret: PostgreSQL's base64 breaks lines after 76 characters, which the migration must remove
        String longSecret = "a plain-text secret of some length, with non-ASCII: Fryslân, €, and more than 57 bytes";
        UUID webhook = UUID.randomUUID();
        UUID email = UUID.randomUUID();
        try (Connection connection = postgres.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            Flyway.configure().configuration(flyway).target("5").load().migrate();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA + ".subscription "
                    + "(id, region, channel, url, secret, email, owner, created_at, digest) "
                    + "VALUES (?, 'Fryslân', ?, ?, ?, ?, 'coordinator-fryslan', now(), false)")) {
                insert.setObject(1, webhook);
                insert.setString(2, "WEBHOOK");
                insert.setString(3, "https://hooks.example.org/old");
                insert.setString(4, longSecret);
                insert.setString(5, null);
                insert.executeUpdate();
                insert.setObject(1, email);
                insert.setString(2, "EMAIL");
                insert.setString(3, null);
                insert.setString(4, null);
                insert.setString(5, "team@example.org");
                insert.executeUpdate();
            }

            Flyway.configure().configuration(flyway).load().migrate();

            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, secret, previous_secret FROM " + SCHEMA
                         + ".subscription ORDER BY channel DESC")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getObject("id")).isEqualTo(webhook);
                assertThat(rows.getString("secret")).isEqualTo(WebhookSecret.ofLegacyText(longSecret).encoded())
                        .doesNotContain("\n");
                assertThat(rows.getString("previous_secret")).isNull();
                assertThat(rows.next()).isTrue();
                assertThat(rows.getObject("id")).isEqualTo(email);
                assertThat(rows.getString("secret")).isNull();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
    }
}
