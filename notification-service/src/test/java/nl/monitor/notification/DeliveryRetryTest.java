package nl.monitor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.EventType;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.notification.Crossings.down;
import static nl.monitor.notification.Crossings.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /api/subscriptions/{id}/deliveries/{deliveryId}/retry}: a FAILED delivery (every attempt of the test
 * profile's 4 answered 500) becomes PENDING, is sent once more with the same webhook-id and body, and is DELIVERED;
 * any other state is 409. Region Midden-Brabant is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class DeliveryRetryTest {

    private static final String REGION = "Midden-Brabant";
    private static final String OWNER = TestTokens.coordinator(REGION);
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void a_failed_delivery_is_tried_once_more_on_request_and_audited() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver(500, 500, 500, 500);
             TopicReader audit = new TopicReader(EventType.AUDIT_RECORDED.topic())) {
            String subscription = given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                    .body(Map.of("region", REGION, "url", receiver.url())).post("/api/subscriptions")
                    .then().statusCode(201).extract().path("id");
            publish(down("GM0766", REGION, 18.0));

            Map<String, Object> failed = Deliveries.settled(REGION, subscription, 1).get(0);
            assertThat(failed).containsEntry("status", "FAILED").containsEntry("attemptsMade", 4);
            String delivery = (String) failed.get("id");
            String retry = "/api/subscriptions/" + subscription + "/deliveries/" + delivery + "/retry";

            String colleague = TestTokens.sign(TestTokens.builder("coordinator-midden-brabant-2", "coordinator")
                    .claim("region", REGION));
            given().auth().oauth2(colleague).post(retry).then().statusCode(403);
            given().auth().oauth2(TestTokens.coordinator("Haaglanden")).post(retry).then().statusCode(403);
            given().auth().oauth2(TestTokens.analyst()).post(retry).then().statusCode(403);
            given().auth().oauth2(OWNER).post("/api/subscriptions/" + subscription
                    + "/deliveries/00000000-0000-0000-0000-000000000000/retry").then().statusCode(404);
            assertThat(receiver.requests()).hasSize(4);

            given().auth().oauth2(OWNER).post(retry).then().statusCode(202)
                    .body("deliveryId", equalTo(delivery)).body("status", equalTo("PENDING"));

            Map<String, Object> delivered = Deliveries.settled(REGION, subscription, 1).get(0);
            assertThat(delivered).containsEntry("status", "DELIVERED").containsEntry("attemptsMade", 5);
            given().auth().oauth2(OWNER).get("/api/subscriptions/" + subscription + "/deliveries").then()
                    .body("[0].attempts.httpStatus", contains(500, 500, 500, 500, 204));
            List<RecordingReceiver.Request> requests = receiver.requests();
            assertThat(requests).hasSize(5);
            assertThat(requests).extracting(RecordingReceiver.Request::id).containsOnly(delivery);
            assertThat(requests).extracting(RecordingReceiver.Request::text).containsOnly(requests.get(0).text());

            given().auth().oauth2(OWNER).post(retry).then().statusCode(409)
                    .contentType("application/problem+json");
            assertThat(audit.await(r -> r.value().contains("\"action\":\"delivery.retried\"")
                    && r.value().contains("\"subject\":\"delivery/" + delivery + "\""), 1, DEADLINE)).hasSize(1);
        }
    }
}
