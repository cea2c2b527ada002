package nl.monitor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.monitor.notification.channel.webhook.SecretCipher;
import nl.monitor.notification.subscription.SecretHousekeeping;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook secrets at rest: the database's columns hold AES-GCM ciphertext only (read here over JDBC, as someone with
 * the database but not the key would), a secret stored in clear before is encrypted at start, the previous secret of
 * a rotation is deleted when its overlap ends, and a deleted subscription keeps no secret. Region Zaanstreek-Waterland is
 * this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class WebhookSecretStorageTest {

    private static final String ZAANSTREEK = TestTokens.coordinator("Zaanstreek-Waterland");
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "zaanstreek-waterland-secret-0032".getBytes());

    @Inject
    SecretCipher cipher;

    @Inject
    SecretHousekeeping housekeeping;

    private static String subscribe() {
        return given().auth().oauth2(ZAANSTREEK).contentType(ContentType.JSON)
                .body(Map.of("region", "Zaanstreek-Waterland", "url", "http://127.0.0.1:9/zaanstreek", "secret", SECRET))
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static String column(String id, String column) throws SQLException {
        try (Connection db = PostgresServer.shared().connect();
             PreparedStatement query = db.prepareStatement("SELECT " + column
                     + " FROM notification.subscription WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static void update(String sql, String id, String value) throws SQLException {
        try (Connection db = PostgresServer.shared().connect(); PreparedStatement update = db.prepareStatement(sql)) {
            update.setString(1, value);
            update.setObject(2, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void the_secret_is_not_readable_in_the_database_and_opens_with_the_key() throws SQLException {
        String id = subscribe();

        String stored = column(id, "secret");
        assertThat(stored).startsWith("v1:test-only:")
                .doesNotContain(SECRET).doesNotContain(SECRET.substring("whsec_".length()))
                .doesNotContain("zaanstreek");
        assertThat(cipher.open(stored)).isEqualTo(SECRET);
        // A fresh nonce every time: the same secret never gives the same text.
        assertThat(cipher.seal(SECRET)).isNotEqualTo(cipher.seal(SECRET));
    }

    @Test
    void a_secret_stored_in_clear_before_is_encrypted_at_start() throws SQLException {
        String id = subscribe();
        update("UPDATE notification.subscription SET secret = ? WHERE id = ?", id, SECRET);
        assertThat(column(id, "secret")).isEqualTo(SECRET);

        assertThat(housekeeping.sealWithCurrentKey()).isPositive();

        assertThat(column(id, "secret")).startsWith("v1:test-only:").doesNotContain(SECRET.substring(6));
        assertThat(cipher.open(column(id, "secret"))).isEqualTo(SECRET);
    }

    @Test
    void the_previous_secret_is_encrypted_too_and_deleted_when_its_overlap_ends_and_a_deleted_subscription_keeps_none()
            throws SQLException {
        String id = subscribe();
        given().auth().oauth2(ZAANSTREEK).post("/api/subscriptions/" + id + "/secret").then().statusCode(200);
        String previous = column(id, "previous_secret");
        assertThat(previous).startsWith("v1:test-only:");
        assertThat(cipher.open(previous)).isEqualTo(SECRET);

        housekeeping.forgetEndedPreviousSecrets();
        assertThat(column(id, "previous_secret")).as("the overlap still runs").isNotNull();
        try (Connection db = PostgresServer.shared().connect(); PreparedStatement end = db.prepareStatement(
                "UPDATE notification.subscription SET previous_secret_until = now() - interval '1 second' "
                        + "WHERE id = ?")) {
            end.setObject(1, UUID.fromString(id));
            assertThat(end.executeUpdate()).isEqualTo(1);
        }
        housekeeping.forgetEndedPreviousSecrets();
        assertThat(column(id, "previous_secret")).isNull();
        assertThat(column(id, "previous_secret_until")).isNull();

        given().auth().oauth2(ZAANSTREEK).delete("/api/subscriptions/" + id).then().statusCode(204);
        assertThat(column(id, "secret")).isNull();
        assertThat(column(id, "url")).as("the row stays for its delivery log").isNotNull();
    }
}
