package nl.monitor.testsupport;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A webhook endpoint that records every call and checks its signature by the Standard Webhooks specification
 * ({@code webhook-signature: v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))}, one or more
 * space-separated). The key is the decoded secret for a {@code whsec_<base64>} secret; for a plain-text secret (the
 * form before the standard, which the notification-service stores as {@code whsec_} + base64 of its UTF-8 bytes) it is
 * the text's UTF-8 bytes, so both forms of the same secret verify. Listens on 127.0.0.1, or on the bind address given
 * ({@code 0.0.0.0} for containers that reach the test JVM through a gateway).
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * One call as received, with whether its signature matched the secret, and its W3C {@code traceparent} (null
     * when it carried none).
     */
    public record Call(String id, String timestamp, String signature, String body, boolean signatureValid,
                       String traceparent) {
    }

    private static final String SECRET_PREFIX = "whsec_";

    private final HttpServer server;
    private final byte[] key;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private volatile int status = 204;

    public WebhookReceiver(int port, String secret, Consumer<Call> onCall) throws IOException {
        this("127.0.0.1", port, secret, onCall);
    }

    public WebhookReceiver(String bindAddress, int port, String secret, Consumer<Call> onCall) throws IOException {
        this.key = key(secret);
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String text = new String(body, StandardCharsets.UTF_8);
            Call call = new Call(id, timestamp, signature, text, verify(id, timestamp, signature, body),
                    exchange.getRequestHeaders().getFirst("traceparent"));
            calls.add(call);
            onCall.accept(call);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The HMAC key of a secret: the decoded bytes of {@code whsec_<base64>}, else the text's UTF-8 bytes. */
    private static byte[] key(String secret) {
        return secret.startsWith(SECRET_PREFIX) ? Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Answers every call from now on with this HTTP status (204 until told otherwise): 500 makes deliveries fail. */
    public WebhookReceiver answering(int status) {
        this.status = status;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits until {@code count} calls matching the filter arrived, or fails after the deadline. */
    public List<Call> await(Predicate<Call> filter, int count, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            List<Call> matching = new ArrayList<>(calls.stream().filter(filter).toList());
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Expected " + count + " webhook call(s) within " + deadline + ", got "
                        + matching.size() + " of " + calls.size());
            }
            synchronized (calls) {
                calls.wait(100);
            }
        }
    }

    private boolean verify(String id, String timestamp, String signature, byte[] body) {
        if (id == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
            for (String candidate : signature.split(" ")) {
                if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
