package nl.monitor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating and deleting a subscription are recorded in the audit trail (audit-recorded) with who, from where and
 * what, in the transaction of the change: a refused one records nothing.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class SubscriptionAuditTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ZEELAND = TestTokens.coordinator("Zeeland");
    private final EventCodec codec = new EventCodec();

    private List<AuditRecorded> await(TopicReader audit, String action, String id) {
        return audit.await(r -> r.value().contains("\"action\":\"" + action + "\"")
                        && r.value().contains("\"subject\":\"subscription/" + id + "\""), 1, DEADLINE).stream()
                .map(r -> codec.<AuditRecorded>decode(r.value(), EventType.AUDIT_RECORDED).data()).toList();
    }

    @Test
    void a_subscription_created_and_deleted_is_audited_and_a_refused_one_is_not() {
        try (TopicReader audit = new TopicReader(EventType.AUDIT_RECORDED.topic())) {
            given().auth().oauth2(ZEELAND).contentType(ContentType.JSON)
                    .body(Map.of("region", "Twente", "url", "https://hooks.example.org/not-mine")).post("/api/subscriptions")
                    .then().statusCode(403);
            String id = given().auth().oauth2(ZEELAND).contentType(ContentType.JSON)
                    .header("X-Forwarded-For", "192.0.2.44")
                    .body(Map.of("region", "Zeeland", "url", "https://hooks.example.org/zeeland-audit"))
                    .post("/api/subscriptions").then().statusCode(201).extract().path("id");

            AuditRecorded created = await(audit, "subscription.created", id).get(0);
            assertThat(created.actor()).isEqualTo("coordinator-zeeland");
            assertThat(created.roles()).containsExactly("coordinator");
            assertThat(created.clientAddress()).isEqualTo("192.0.2.44");
            assertThat(created.service()).isEqualTo("notification-service");
            assertThat(created.details()).containsEntry("region", "Zeeland").containsEntry("channel", "WEBHOOK")
                    .containsEntry("target", "https://hooks.example.org/…")
                    .doesNotContainKey("secret");

            given().auth().oauth2(TestTokens.admin()).delete("/api/subscriptions/" + id).then().statusCode(204);
            given().auth().oauth2(TestTokens.admin()).delete("/api/subscriptions/" + id).then().statusCode(404);
            AuditRecorded deleted = await(audit, "subscription.deleted", id).get(0);
            assertThat(deleted.actor()).isEqualTo("admin");
            assertThat(deleted.details()).containsEntry("owner", "coordinator-zeeland")
                    .containsEntry("pendingDeliveriesCancelled", "0");

            // this test's subscription and the refused one only: another test's subscription may be relayed now
            assertThat(audit.seen()).filteredOn(r -> r.value().contains("\"subject\":\"subscription/" + id + "\"")
                            || r.value().contains("hooks.example.org/not-mine"))
                    .extracting(r -> codec.<AuditRecorded>decode(r.value(), EventType.AUDIT_RECORDED).data().action())
                    .containsExactly("subscription.created", "subscription.deleted");
        }
    }
}
