package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static nl.monitor.reporting.ScoreEvents.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The audit trail's read side: audit-recorded events of any service are appended to audit_entry (once, however often
 * they arrive), an admin queries and exports them, nobody else reads them, and not even SQL can change them. Each
 * test uses actors of its own, so the entries of other tests and services do not disturb it.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class AuditTrailTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static CloudEvent<AuditRecorded> entry(String action, String subject, String municipality, String actor,
                                                   Instant at, Map<String, String> details) {
        AuditRecorded data = new AuditRecorded(action, subject, municipality, actor, List.of("admin"), "10.0.0.7",
                "127.0.0.1", "survey-service", at, details);
        return CloudEvent.of(EventType.AUDIT_RECORDED, "/survey-service", data.key(), data);
    }

    private static void publish(CloudEvent<AuditRecorded> event) {
        EventPublisher.shared().send(EventType.AUDIT_RECORDED.topic(), event.subject(), CODEC.encode(event));
    }

    private static void awaitEntries(String actor, int count) {
        await().atMost(DEADLINE).until(() -> rows("SELECT 1 FROM reporting.audit_entry WHERE actor = ?", actor)
                .size() >= count);
    }

    private static Response query(String token, String parameters) {
        return given().auth().oauth2(token).get("/api/admin/audit" + (parameters.isEmpty() ? "" : "?" + parameters));
    }

    @Test
    void entries_are_stored_once_and_an_admin_queries_them_newest_first_with_filters_and_pages() {
        String actor = "audit-" + UUID.randomUUID();
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("year", "2017");
        counts.put("version", "2");
        CloudEvent<AuditRecorded> submitted = entry("submission.accepted", "submission/" + UUID.randomUUID(),
                "GM0014", actor, T0, counts);
        CloudEvent<AuditRecorded> opened = entry("wave.opened", "wave/2091", null, actor, T0.plusSeconds(60),
                Map.of("openUntil", "2091-12-01T00:00:00Z"));
        CloudEvent<AuditRecorded> reopened = entry("wave.reopened", "wave/2091", null, actor, T0.plusSeconds(120),
                Map.of("reason", "two municipalities asked"));
        publish(submitted);
        publish(opened);
        publish(reopened);
        publish(opened); // a redelivery
        awaitEntries(actor, 3);
        await().atMost(DEADLINE).until(() -> rows("SELECT 1 FROM reporting.processed_event WHERE event_id = ?",
                opened.id()).size() == 1);

        assertThat(rows("SELECT event_id FROM reporting.audit_entry WHERE actor = ?", actor)).hasSize(3);
        query(TestTokens.admin(), "actor=" + actor).then().statusCode(200)
                .body("total", equalTo(3)).body("more", equalTo(false))
                .body("entries.action", contains("wave.reopened", "wave.opened", "submission.accepted"))
                .body("entries[2].municipality", equalTo("GM0014"))
                .body("entries[2].subject", equalTo(submitted.data().subject()))
                .body("entries[2].roles", contains("admin"))
                .body("entries[2].clientAddress", equalTo("10.0.0.7"))
                .body("entries[2].peerAddress", equalTo("127.0.0.1"))
                .body("entries[2].service", equalTo("survey-service"))
                .body("entries[2].occurredAt", equalTo("2026-11-30T10:00:00Z"))
                .body("entries[2].details.year", equalTo("2017"))
                .body("entries[2].eventId", equalTo(submitted.id()));

        query(TestTokens.admin(), "actor=" + actor + "&action=wave").then().statusCode(200)
                .body("entries.action", contains("wave.reopened", "wave.opened"));
        query(TestTokens.admin(), "actor=" + actor + "&action=wave.opened").then()
                .body("entries.eventId", contains(opened.id()));
        query(TestTokens.admin(), "actor=" + actor + "&subject=wave").then().body("total", equalTo(2));
        query(TestTokens.admin(), "actor=" + actor + "&subject=wave/2091").then().body("total", equalTo(2));
        query(TestTokens.admin(), "actor=" + actor + "&municipality=GM0014").then()
                .body("entries.action", contains("submission.accepted"));
        query(TestTokens.admin(), "actor=" + actor + "&from=2026-11-30T10:01:00Z&to=2026-11-30T10:02:00Z").then()
                .body("entries.action", contains("wave.opened"));
        query(TestTokens.admin(), "actor=" + actor + "&from=2026-12-01").then().body("total", equalTo(0));
        query(TestTokens.admin(), "actor=" + actor + "&limit=1&offset=1").then()
                .body("total", equalTo(3)).body("more", equalTo(true)).body("entries.action", contains("wave.opened"));

        query(TestTokens.admin(), "limit=0").then().statusCode(422).body("errors.field", hasItem("limit"));
        query(TestTokens.admin(), "from=yesterday").then().statusCode(422).body("errors.field", hasItem("from"));
        query(TestTokens.admin(), "from=2026-12-01&to=2026-11-01").then().statusCode(422)
                .body("errors.field", hasItem("to"));
    }

    @Test
    void the_csv_export_has_one_line_per_entry_and_neutralises_formulas() {
        String actor = "audit-" + UUID.randomUUID();
        publish(entry("contact.changed", "=HYPERLINK(\"http://evil\")", "GM0034", actor, T0,
                Map.of("email", "@SUM(A1)")));
        awaitEntries(actor, 1);

        String csv = query(TestTokens.admin(), "actor=" + actor + "&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("occurred_at,action,subject,municipality,actor,roles,client_address,peer_address,"
                + "service,details,event_id,recorded_at\r\n");
        assertThat(csv).contains("2026-11-30T10:00:00Z,contact.changed,\"'=HYPERLINK(\"\"http://evil\"\")\",GM0034,"
                + actor + ",admin,10.0.0.7,127.0.0.1,survey-service,email=@SUM(A1),");
        given().auth().oauth2(TestTokens.admin()).accept("text/csv").get("/api/admin/audit?actor=" + actor).then()
                .statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("contact.changed"));
    }

    @Test
    void only_an_admin_reads_the_trail_and_the_api_has_no_way_to_change_it() {
        query(TestTokens.analyst(), "").then().statusCode(403);
        query(TestTokens.coordinator("Groningen"), "").then().statusCode(403);
        query(TestTokens.respondent("GM0014"), "").then().statusCode(403);
        given().get("/api/admin/audit").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).delete("/api/admin/audit").then().statusCode(405);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{}")
                .put("/api/admin/audit").then().statusCode(405);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{}")
                .post("/api/admin/audit").then().statusCode(405);
    }

    @Test
    void the_database_refuses_to_update_delete_or_truncate_an_entry() {
        String actor = "audit-" + UUID.randomUUID();
        publish(entry("subscription.deleted", "subscription/" + UUID.randomUUID(), null, actor, T0, Map.of()));
        awaitEntries(actor, 1);

        for (String change : List.of("UPDATE reporting.audit_entry SET actor = 'someone-else' WHERE actor = '"
                        + actor + "'", "DELETE FROM reporting.audit_entry WHERE actor = '" + actor + "'",
                "TRUNCATE reporting.audit_entry")) {
            assertThatThrownBy(() -> sql(change)).as(change).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(rows("SELECT actor FROM reporting.audit_entry WHERE actor = ?", actor)).hasSize(1);
    }

    @Test
    void a_rebuild_keeps_the_trail_and_is_recorded_in_it_with_who_and_from_where() {
        String actor = "audit-" + UUID.randomUUID();
        publish(entry("rules.rescored", "rules/2017", null, actor, T0, Map.of("rulesVersion", "2")));
        awaitEntries(actor, 1);
        String admin = "admin-" + UUID.randomUUID();
        String token = TestTokens.sign(TestTokens.builder(admin, "admin"));

        given().auth().oauth2(token).header("X-Forwarded-For", "203.0.113.9, 10.1.2.3")
                .post("/api/admin/read-model/rebuild").then().statusCode(200);

        awaitEntries(admin, 1);
        assertThat(rows("SELECT 1 FROM reporting.audit_entry WHERE actor = ?", actor)).hasSize(1);
        query(TestTokens.admin(), "actor=" + admin).then().statusCode(200)
                .body("entries.action", contains("read-model.rebuilt"))
                .body("entries[0].subject", equalTo("read-model"))
                .body("entries[0].roles", contains("admin"))
                .body("entries[0].clientAddress", equalTo("203.0.113.9"))
                .body("entries[0].peerAddress", equalTo("127.0.0.1"))
                .body("entries[0].service", equalTo("reporting-service"))
                .body("entries[0].details.force", equalTo("false"))
                .body("entries[0].details.score-computed", containsString("records"));
        Instant recorded = Instant.parse(query(TestTokens.admin(), "actor=" + admin).then().extract()
                .path("entries[0].occurredAt"));
        assertThat(recorded).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
