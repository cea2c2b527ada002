package nl.monitor.notification;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook endpoint on 127.0.0.1 that records every request as received and answers with the scripted statuses in
 * turn, then 204.
 */
final class RecordingReceiver implements AutoCloseable {

    /** One request as it arrived, and what it was answered. */
    record Request(String id, String timestamp, String signature, String contentType, String host, byte[] body,
                   int answered, Instant receivedAt) {

        /** The Standard Webhooks headers, as a receiver hands them to a verifying library. */
        Map<String, String> webhookHeaders() {
            return Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Deque<Integer> script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Runnable beforeAnswer = () -> { };

    RecordingReceiver(Integer... statuses) throws IOException {
        this.script = new ArrayDeque<>(Arrays.asList(statuses));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Instant receivedAt = Instant.now();
            int status;
            synchronized (script) {
                status = script.isEmpty() ? 204 : script.poll();
            }
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), headers.getFirst("Host"), body,
                    status, receivedAt));
            beforeAnswer.run();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Runs {@code hook} on each request after recording it and before answering. */
    void beforeAnswer(Runnable hook) {
        this.beforeAnswer = hook;
    }

    String url() {
        return url("127.0.0.1");
    }

    /** The receiver's URL with another host name (that a test resolves to 127.0.0.1). */
    String url(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/hooks/monitor";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until at least {@code count} requests arrived, or fails after the deadline. */
    List<Request> await(int count, Duration deadline) {
        Awaitility.await(count + " webhook request(s) at " + url()).atMost(deadline)
                .pollInterval(Duration.ofMillis(50)).until(() -> requests.size() >= count);
        return requests();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
