package nl.monitor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caps on Server-Sent Events connections (the test profile: 3 per caller, 8 per instance) and the end of a stream
 * at its token's expiry. Region Hollands Midden is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class StreamLimitsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final String COORDINATOR = TestTokens.coordinator("Hollands Midden");

    @TestHTTPResource("/api/alerts/stream")
    URL feed;

    private final List<SseClient> open = new ArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(SseClient::close);
    }

    private SseClient connect(String token) throws Exception {
        SseClient client = SseClient.connect(feed.toString(), token);
        open.add(client);
        return client;
    }

    private static String user(int i) {
        return TestTokens.sign(TestTokens.builder("stream-user-" + i, "analyst"));
    }

    @Test
    void a_caller_past_its_cap_and_anyone_past_the_instances_cap_get_429_with_a_problem_document() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(connect(COORDINATOR).status()).isEqualTo(200);
        }
        SseClient fourth = connect(COORDINATOR);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        assertThat(fourth.header("Retry-After")).isEqualTo("30");

        // One closed, the caller may open one again (the server notices the closed connection).
        open.remove(0).close();
        Awaitility.await("a stream again after one closed").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    SseClient again = connect(COORDINATOR);
                    return again.status() == 200;
                });

        for (int i = 1; i <= 5; i++) {
            assertThat(connect(user(i)).status()).as("stream %d of the instance", 3 + i).isEqualTo(200);
        }
        SseClient ninth = connect(user(6));
        assertThat(ninth.status()).as("the instance's cap of 8").isEqualTo(429);
        assertThat(ninth.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_stream_is_closed_when_its_token_expires() throws Exception {
        Instant expiry = Instant.now().plusSeconds(5);
        String shortLived = TestTokens.sign(TestTokens.builder("stream-short-lived", "coordinator")
                .claim("region", "Hollands Midden").expiresAt(expiry.getEpochSecond()));
        SseClient stream = connect(shortLived);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.ended()).isFalse();

        stream.awaitEnd(DEADLINE);
        assertThat(Instant.now()).as("closed at the token's expiry, not before")
                .isAfterOrEqualTo(Instant.ofEpochSecond(expiry.getEpochSecond()));
        // Reconnecting with the expired token is refused like any request.
        assertThat(connect(shortLived).status()).isEqualTo(401);
    }
}
