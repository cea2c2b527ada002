package nl.monitor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static nl.monitor.notification.Crossings.down;
import static nl.monitor.notification.Crossings.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook call that the receiver answers while the database is away: the attempt is recorded once the database is
 * back, and the receiver is not called again (before, the attempt was given up and the delivery sent a second time
 * when its lease ran out). Region Gelderland-Zuid is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class DeliveryDuringOutageTest {

    private static final String REGION = "Gelderland-Zuid";
    private static final Duration OUTAGE = Duration.ofSeconds(3);

    @Test
    void a_call_answered_while_the_database_is_away_is_recorded_when_it_is_back_and_not_made_again()
            throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        AtomicBoolean stopped = new AtomicBoolean();
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            String subscription = given().auth().oauth2(TestTokens.coordinator(REGION)).contentType(ContentType.JSON)
                    .body(Map.of("region", REGION, "url", receiver.url(), "secret", "a-receiver-secret-of-some-length"))
                    .post("/api/subscriptions").then().statusCode(201).extract().<String>path("id");
            receiver.beforeAnswer(() -> {
                if (stopped.compareAndSet(false, true)) {
                    try {
                        postgres.stop();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            try {
                publish(down("GM0209", REGION, 12.0));
                receiver.await(1, Duration.ofSeconds(30));
                // The database stays away a while after the answer, as in an outage.
                Awaitility.await("an outage of " + OUTAGE).pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(1))
                        .until(() -> true);
            } finally {
                postgres.start();
            }
            assertThat(stopped).as("the database went away during the call").isTrue();

            List<Map<String, Object>> deliveries = Deliveries.settled(REGION, subscription, 1);
            assertThat(deliveries.get(0)).containsEntry("status", "DELIVERED").containsEntry("attemptsMade", 1);
            assertThat(receiver.requests()).hasSize(1);
        }
    }
}
