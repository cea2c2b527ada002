package nl.monitor.notification;

import nl.monitor.testsupport.TestTokens;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The delivery log of a subscription, as its region's coordinator reads it through the API. */
final class Deliveries {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Deliveries() {
    }

    /** The subscription's deliveries once there are {@code count} and none is PENDING any more. */
    static List<Map<String, Object>> settled(String region, String subscription, int count) {
        return Awaitility.await(count + " settled deliveries of " + subscription).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(TestTokens.coordinator(region))
                                .get("/api/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                                .extract().<List<Map<String, Object>>>path("$"),
                        deliveries -> deliveries.size() == count
                                && deliveries.stream().noneMatch(d -> d.get("status").equals("PENDING")));
    }
}
