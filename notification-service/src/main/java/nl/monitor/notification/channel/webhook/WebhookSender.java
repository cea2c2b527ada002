package nl.monitor.notification.channel.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.channel.ChannelSender;
import nl.monitor.notification.config.DeliveryConfig;
import nl.monitor.notification.delivery.DeliveryCall;
import nl.monitor.notification.delivery.DeliveryOutcome;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Makes one signed webhook call: POSTs the delivery's payload with the {@code webhook-id}, {@code webhook-timestamp}
 * and {@code webhook-signature} headers, and reports what came back. Redirects are not followed (a 3xx counts as a
 * failure), so a call never goes anywhere but the subscribed URL.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private static final String USER_AGENT = "Monitor-notification-service/1.0";

    private final HttpClient http;
    private final DeliveryConfig config;

    public WebhookSender(DeliveryConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public CompletableFuture<DeliveryOutcome> send(DeliveryCall call) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        HttpRequest request;
        try {
            byte[] body = call.payload().getBytes(StandardCharsets.UTF_8);
            long timestamp = at.getEpochSecond();
            String id = call.deliveryId().toString();
            request = HttpRequest.newBuilder(URI.create(call.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.ID_HEADER, id)
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(call.secret(), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.failed(at, describe(e), 0));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            long latencyMs = (System.nanoTime() - start) / 1_000_000;
            if (failure != null) {
                return DeliveryOutcome.failed(at, describe(failure), latencyMs);
            }
            int status = response.statusCode();
            return new DeliveryOutcome(at, status, status >= 200 && status < 300 ? null : "HTTP " + status, latencyMs);
        });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + config.requestTimeout().toMillis() + " ms";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
