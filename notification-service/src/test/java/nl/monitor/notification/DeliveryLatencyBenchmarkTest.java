package nl.monitor.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.EventCodec;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static nl.monitor.notification.Crossings.down;
import static nl.monitor.notification.Crossings.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a crossing takes from {@code threshold-crossed} published to the webhook call received, over the real
 * broker, database and HTTP. Each crossing carries its publish time in {@code occurredAt}, which the webhook body
 * carries back. Two rounds of 1,000 crossings (after 100 to warm up): paced at {@value #RATE} per second, well inside
 * what the service digests, for the latency a crossing sees; and all at once, for the throughput (there the latency
 * is mostly the queue). Prints median, p90, p99 and max. Not in the default build (tag "benchmark"); see the README.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
@Tag("benchmark")
class DeliveryLatencyBenchmarkTest {

    private static final int WARM_UP = 100;
    private static final int CROSSINGS = 1_000;
    private static final int RATE = 20;
    private static final String REGION = "Noord- en Oost-Gelderland";
    private static final List<String> MUNICIPALITIES = List.of("GM0197", "GM0200", "GM0213", "GM0222", "GM0230");
    private final ObjectMapper json = EventCodec.newMapper();

    @Test
    void time_from_published_crossing_to_webhook_received() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            given().auth().oauth2(TestTokens.coordinator(REGION)).contentType(ContentType.JSON)
                    .body(Map.of("region", REGION, "url", receiver.url(), "secret", "a-benchmark-secret-of-length"))
                    .post("/api/subscriptions").then().statusCode(201);
            round(receiver, WARM_UP, 0, 0);
            round(receiver, CROSSINGS, WARM_UP, RATE);
            round(receiver, CROSSINGS, WARM_UP + CROSSINGS, 0);
        }
    }

    /** Publishes {@code count} crossings ({@code perSecond} 0: as fast as they go) and prints what the receiver saw. */
    private void round(RecordingReceiver receiver, int count, int before, int perSecond) throws Exception {
        long interval = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (interval > 0) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime()); // pacing the load, not a wait
            }
            publish(down(MUNICIPALITIES.get(i % MUNICIPALITIES.size()), REGION, 10.0));
        }
        long publishedMs = (System.nanoTime() - start) / 1_000_000;
        List<RecordingReceiver.Request> all = receiver.await(before + count, Duration.ofMinutes(5));
        assertThat(all).as("one call per crossing").hasSize(before + count);
        if (before == 0) {
            return; // warm-up
        }
        List<RecordingReceiver.Request> measured = all.subList(before, all.size());
        long[] millis = new long[count];
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (int i = 0; i < count; i++) {
            RecordingReceiver.Request request = measured.get(i);
            Instant publishedAt = Instant.parse(json.readTree(request.body()).path("occurredAt").asText());
            millis[i] = Duration.between(publishedAt, request.receivedAt()).toMillis();
            first = publishedAt.isBefore(first) ? publishedAt : first;
            last = request.receivedAt().isAfter(last) ? request.receivedAt() : last;
        }
        Arrays.sort(millis);
        long spanMs = Math.max(1, Duration.between(first, last).toMillis());
        System.out.printf("%n=== threshold-crossed published -> webhook received: %d crossings, %s ===%n"
                        + "  median %d ms, p90 %d ms, p99 %d ms, max %d ms; published in %d ms, all received after "
                        + "%d ms (%.0f crossings/s)%n%n", count, perSecond == 0 ? "all at once" : perSecond + " per second",
                percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis[count - 1], publishedMs,
                spanMs, count * 1000.0 / spanMs);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
