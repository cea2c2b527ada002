package nl.monitor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.domain.scoring.Band;
import nl.monitor.notification.delivery.DigestSchedule;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.SmtpServer;
import nl.monitor.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.notification.Crossings.crossing;
import static nl.monitor.notification.Crossings.down;
import static nl.monitor.notification.Crossings.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The channels besides the webhook, over the real broker, database and a real SMTP server: e-mail in Dutch, the live
 * stream of a STREAM subscription, and the alert feed as Server-Sent Events. Each test uses its own region.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
@QuarkusTestResource(SmtpServer.class)
class ChannelsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final ObjectMapper json = EventCodec.newMapper();

    @TestHTTPResource("/")
    URL base;

    private static String subscribe(String region, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.coordinator(region)).contentType(ContentType.JSON).body(body)
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static List<MimeMessage> mailsTo(String address, int count) {
        return Awaitility.await(count + " e-mail(s) to " + address).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Arrays.stream(SmtpServer.received().getReceivedMessages())
                        .filter(m -> recipient(m).equals(address)).toList(), mails -> mails.size() >= count);
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_email_subscription_gets_the_alert_and_its_resolution_in_dutch() throws Exception {
        String address = "coordinator@veiligthuis-haaglanden.example.nl";
        String subscription = subscribe("Haaglanden", Map.of("region", "Haaglanden", "channel", "EMAIL",
                "email", address));
        publish(crossing("GM0503", "Haaglanden", Direction.DOWN, 30.0, 20.0, Band.ORANGE, Band.RED));

        MimeMessage alert = mailsTo(address, 1).get(0);
        assertThat(alert.getSubject()).isEqualTo("Signalering: Delft gezakt onder 25 punten — totaalscore 20,0 rood (was 30,0 oranje)");
        String body = alert.getContent().toString();
        assertThat(body).contains("Delft (GM0503, regio Haaglanden), jaar 2017", "de totaalscore is gezakt onder 25 punten",
                "Vorige score: 30,0 (oranje)", "Nieuwe score: 20,0 (rood)",
                "Bekijk de gemeentekaart: http://localhost:8083/dashboard/#/card/GM0503/2017");
        List<Map<String, Object>> deliveries = Deliveries.settled("Haaglanden", subscription, 1);
        assertThat(deliveries.get(0)).containsEntry("status", "DELIVERED");
        // Known, not yet understood: the first mail of a test JVM after AlertDeliveryTest sometimes gets no SMTP
        // connection until the attempt times out, and goes out on the retry. Anything else fails the test.
        assertFirstMailAttempt(deliveries.get(0));
        assertThat(alert.getHeader(nl.monitor.notification.channel.email.MailSender.DELIVERY_ID_HEADER)[0])
                .isEqualTo(deliveries.get(0).get("id"));

        publish(crossing("GM0503", "Haaglanden", Direction.UP, 20.0, 31.25, Band.RED, Band.ORANGE));
        MimeMessage resolved = mailsTo(address, 2).get(1);
        assertThat(resolved.getSubject())
                .isEqualTo("Opgelost: Delft weer boven 25 punten — totaalscore 31,3 oranje (was 20,0 rood)");
        assertThat(resolved.getContent().toString()).contains("Hiermee is de eerdere signalering opgelost.");
        given().auth().oauth2(TestTokens.coordinator("Haaglanden")).get("/api/subscriptions/" + subscription).then()
                .statusCode(200).body("channel", equalTo("EMAIL")).body("email", equalTo(address))
                .body("url", nullValue()).body("secret", nullValue());
    }

    @Test
    void a_stream_subscription_gets_what_waited_for_it_when_a_client_connects_and_then_live_alerts() throws Exception {
        String subscription = subscribe("Zuid-Limburg", Map.of("region", "Zuid-Limburg", "channel", "STREAM"));
        CloudEvent<ThresholdCrossed> whileAway = down("GM0882", "Zuid-Limburg", 12.5);
        publish(whileAway);
        // Nobody listens: the delivery waits, and spends no attempt.
        Awaitility.await("a waiting delivery").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(TestTokens.coordinator("Zuid-Limburg"))
                        .get("/api/subscriptions/" + subscription + "/deliveries").then().extract()
                        .<List<Map<String, Object>>>path("$"), d -> d.size() == 1);
        given().auth().oauth2(TestTokens.coordinator("Zuid-Limburg"))
                .get("/api/subscriptions/" + subscription + "/deliveries").then()
                .body("[0].status", equalTo("PENDING")).body("[0].attemptsMade", equalTo(0));

        try (SseClient stream = SseClient.connect(base + "api/subscriptions/" + subscription + "/stream",
                TestTokens.coordinator("Zuid-Limburg"))) {
            assertThat(stream.status()).isEqualTo(200);
            SseClient.Event waited = stream.await(1, DEADLINE).get(0);
            assertThat(waited.name()).isEqualTo("threshold-crossed");
            assertThat(json.readTree(waited.data()).path("submissionId").asText())
                    .isEqualTo(whileAway.data().submissionId().toString());

            publish(down("GM0888", "Zuid-Limburg", 7.5));
            SseClient.Event live = stream.await(2, DEADLINE).get(1);
            JsonNode body = json.readTree(live.data());
            assertThat(body.path("municipality").asText()).isEqualTo("GM0888");
            assertThat(live.id()).isEqualTo(body.path("deliveryId").asText());

            List<Map<String, Object>> deliveries = Deliveries.settled("Zuid-Limburg", subscription, 2);
            assertThat(deliveries).extracting(d -> d.get("id"))
                    .containsExactlyInAnyOrder(waited.id(), live.id());
            assertThat(deliveries).extracting(d -> d.get("status")).containsOnly("DELIVERED");
        }
    }

    @Test
    void the_alert_feed_streams_the_new_alerts_of_the_callers_region_only() throws Exception {
        try (SseClient feed = SseClient.connect(base + "api/alerts/stream", TestTokens.coordinator("Kennemerland"));
             SseClient all = SseClient.connect(base + "api/alerts/stream", TestTokens.analyst())) {
            assertThat(feed.status()).isEqualTo(200);
            publish(down("GM0889", "Limburg-Noord", 15.0));        // another region
            CloudEvent<ThresholdCrossed> haarlem = down("GM0392", "Kennemerland", 18.75);
            publish(haarlem);

            SseClient.Event event = feed.await(1, DEADLINE).get(0);
            assertThat(event.name()).isEqualTo("threshold-crossed");
            JsonNode alert = json.readTree(event.data());
            assertThat(alert.path("municipality").asText()).isEqualTo("GM0392");
            assertThat(alert.path("newScore").asDouble()).isEqualTo(18.75);
            assertThat(alert.path("state").asText()).isEqualTo("OPEN");
            assertThat(alert.path("submissionId").asText()).isEqualTo(haarlem.data().submissionId().toString());
            // The analyst's feed has both, so by now the Limburg-Noord one was raised too: the coordinator's has not.
            assertThat(all.await(2, DEADLINE)).extracting(e -> json.readTree(e.data()).path("municipality").asText())
                    .contains("GM0889", "GM0392");
            assertThat(feed.events()).hasSize(1);
        }
        try (SseClient intruder = SseClient.connect(base + "api/alerts/stream?region=Kennemerland",
                TestTokens.coordinator("Twente"))) {
            assertThat(intruder.status()).isEqualTo(403);
        }
    }

    @Test
    void a_digest_subscription_gets_its_alerts_together_once_a_day_or_when_asked() throws Exception {
        String address = "dagoverzicht@veiligthuis-gooi.example.nl";
        String region = "Gooi en Vechtstreek";
        String mail = subscribe(region, Map.of("region", region, "channel", "EMAIL", "email", address,
                "digest", true));
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            String hook = subscribe(region, Map.of("region", region, "url", receiver.url(), "digest", true));
            Instant before = Instant.now();
            publish(down("GM0402", region, 20.0));                                  // Hilversum
            publish(crossing("GM0406", region, Direction.DOWN, 40.0, 22.5, Band.ORANGE, Band.RED)); // Huizen
            publish(crossing("GM0402", region, Direction.UP, 20.0, 27.5, Band.RED, Band.ORANGE));

            // Each waits for the next 07:00 in Amsterdam, and nothing is sent before.
            Instant seven = new DigestSchedule(java.time.LocalTime.of(7, 0), java.time.ZoneId.of("Europe/Amsterdam"))
                    .next(before);
            for (String subscription : List.of(mail, hook)) {
                List<Map<String, Object>> waiting = Awaitility.await("3 waiting deliveries").atMost(DEADLINE)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> given().auth().oauth2(TestTokens.coordinator(region))
                                .get("/api/subscriptions/" + subscription + "/deliveries").then().extract()
                                .<List<Map<String, Object>>>path("$"), d -> d.size() == 3);
                assertThat(waiting).extracting(d -> d.get("status")).containsOnly("PENDING");
                assertThat(waiting).extracting(d -> Instant.parse((String) d.get("nextAttemptAt")))
                        .containsOnly(seven);
            }
            assertThat(receiver.requests()).isEmpty();

            for (String subscription : List.of(mail, hook)) {
                given().auth().oauth2(TestTokens.coordinator(region)).post("/api/subscriptions/" + subscription
                        + "/digest").then().statusCode(202).body("alerts", equalTo(3));
            }
            MimeMessage digest = mailsTo(address, 1).get(0);
            assertThat(digest.getSubject()).isEqualTo("Dagoverzicht signaleringen regio Gooi en Vechtstreek: 3 meldingen");
            assertThat(digest.getContent().toString()).contains(
                    "- Signalering: Hilversum gezakt onder 25 punten — totaalscore 20,0 rood (eerste score)",
                    "- Signalering: Huizen gezakt onder 25 punten — totaalscore 22,5 rood (was 40,0 oranje)",
                    "- Opgelost: Hilversum weer boven 25 punten — totaalscore 27,5 oranje (was 20,0 rood)",
                    "Gemeentekaart: http://localhost:8083/dashboard/#/card/GM0406/2017");
            JsonNode call = json.readTree(receiver.await(1, DEADLINE).get(0).body());
            assertThat(call.path("type").asText()).isEqualTo("digest");
            assertThat(call.path("alerts")).hasSize(3);
            assertThat(call.path("deliveryId").asText()).isEqualTo(receiver.requests().get(0).id());
            for (String subscription : List.of(mail, hook)) {
                assertThat(Deliveries.settled(region, subscription, 3)).extracting(d -> d.get("status"))
                        .containsOnly("DELIVERED");
            }
            assertThat(SmtpServer.received().getReceivedMessages()).filteredOn(m -> recipient(m).equals(address))
                    .hasSize(1);
            assertThat(receiver.requests()).hasSize(1);
        }
        given().auth().oauth2(TestTokens.coordinator("Gooi en Vechtstreek")).contentType(ContentType.JSON)
                .body(Map.of("region", "Gooi en Vechtstreek", "channel", "STREAM", "digest", true))
                .post("/api/subscriptions").then().statusCode(422).body("errors.field", contains("digest"));
    }

    @Test
    void each_channel_takes_only_its_own_address_and_only_a_stream_subscription_has_a_stream() throws Exception {
        given().auth().oauth2(TestTokens.coordinator("Haaglanden")).contentType(ContentType.JSON)
                .body(Map.of("region", "Haaglanden", "channel", "EMAIL", "email", "not an address",
                        "url", "https://example.org/hook"))
                .post("/api/subscriptions").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("email", "url"))
                .body("errors.code", containsInAnyOrder("invalid-email", "not-for-channel"));
        given().auth().oauth2(TestTokens.coordinator("Haaglanden")).contentType(ContentType.JSON)
                .body(Map.of("region", "Haaglanden", "channel", "STREAM", "secret", "a-secret-of-enough-length"))
                .post("/api/subscriptions").then().statusCode(422).body("errors.field", contains("secret"));
        given().auth().oauth2(TestTokens.coordinator("Haaglanden")).contentType(ContentType.JSON)
                .body(Map.of("region", "Haaglanden", "channel", "PIGEON"))
                .post("/api/subscriptions").then().statusCode(400);

        String webhook = subscribe("Haaglanden", Map.of("region", "Haaglanden", "url", "https://example.org/hook"));
        try (SseClient notAStream = SseClient.connect(base + "api/subscriptions/" + webhook + "/stream",
                TestTokens.coordinator("Haaglanden"))) {
            assertThat(notAStream.status()).isEqualTo(409);
        }
        String stream = subscribe("Haaglanden", Map.of("region", "Haaglanden", "channel", "STREAM"));
        try (SseClient intruder = SseClient.connect(base + "api/subscriptions/" + stream + "/stream",
                TestTokens.coordinator("Twente"))) {
            assertThat(intruder.status()).isEqualTo(403);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertFirstMailAttempt(Map<String, Object> delivery) {
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) delivery.get("attempts");
        assertThat(attempts).hasSizeBetween(1, 2);
        if (attempts.size() == 2) {
            assertThat(attempts.get(0).get("error")).isEqualTo("SMTP: TimeoutException");
        }
        assertThat(attempts.get(attempts.size() - 1).get("error")).isNull();
    }
}
