package nl.monitor.notification.channel.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.messaging.EventTracing;
import nl.monitor.notification.channel.ChannelSender;
import nl.monitor.notification.config.DeliveryConfig;
import nl.monitor.notification.config.WebhookConfig;
import nl.monitor.notification.delivery.DeliveryCall;
import nl.monitor.notification.delivery.DeliveryOutcome;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Makes one signed webhook call: checks the URL's addresses ({@link WebhookTargets}) and connects to the address it
 * checked, with the URL's host in the Host header and as the TLS server name (so the certificate is verified for the
 * host, not the address); POSTs the delivery's payload with the headers of {@link #headers}, and reports what came
 * back. Redirects are not followed (a 3xx counts as a failure), so a call never goes anywhere but the subscribed URL.
 * The delivery log gets a generic text for a failure ({@code connection failed}, {@code timeout}, {@code HTTP 500},
 * {@code address not allowed}); the detail goes to this service's log.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final String USER_AGENT = "Monitor-notification-service/1.0";

    private final Vertx vertx;
    private final HttpClient http;
    private final DeliveryConfig config;
    private final WebhookTargets targets;
    private final EventTracing tracing;

    public WebhookSender(Vertx vertx, DeliveryConfig config, WebhookConfig webhooks, WebhookTargets targets,
                         EventTracing tracing) {
        this.vertx = vertx;
        this.tracing = tracing;
        this.config = config;
        this.targets = targets;
        // a connection per call: a kept-alive one would outlive the address check it was opened after
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setMaxPoolSize(Math.max(config.batchSize(), 1))
                // the call's trace context is the delivery's (headers()), not whatever Vert.x has at hand
                .setTracingPolicy(TracingPolicy.IGNORE);
        webhooks.trustCertificates().ifPresent(paths -> {
            PemTrustOptions trust = new PemTrustOptions();
            paths.forEach(trust::addCertPath);
            options.setTrustOptions(trust);
        });
        this.http = vertx.createHttpClient(options);
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /**
     * Every header of a webhook call, in order; built here and nowhere else. {@code webhook-signature} carries one
     * signature per secret in force: two during a rotation's overlap. {@code traceContext} is the W3C
     * {@code traceparent} (and {@code tracestate}) of the call's span, which continues the trace that raised the alert
     * (empty with tracing off), so a receiver can join the submission's trace.
     */
    Map<String, String> headers(DeliveryCall call, Instant at, byte[] body, Map<String, String> traceContext) {
        String id = call.deliveryId().toString();
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put(WebhookSignature.ID_HEADER, id);
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(
                call.secrets().stream().map(WebhookSecret::stored).toList(), id, timestamp, body));
        headers.putAll(traceContext);
        return headers;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> send(DeliveryCall call) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        byte[] body = call.payload().getBytes(StandardCharsets.UTF_8);
        EventTracing.Outgoing span = tracing.startCall("webhook POST", call.traceparent(), Map.of(
                "http.request.method", "POST",
                "url.full", WebhookUrls.redacted(call.url()),
                "monitor.delivery.id", call.deliveryId().toString(),
                "monitor.delivery.attempt", Integer.toString(call.attempt())));
        Map<String, String> headers;
        try {
            headers = headers(call, at, body, span.headers());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot sign delivery %s", call.deliveryId());
            span.end(e);
            return CompletableFuture.completedFuture(DeliveryOutcome.failed(at, "cannot sign the call", 0));
        }
        long deadline = config.connectTimeout().plus(config.requestTimeout()).toMillis();
        return check(call.url())
                .thenCompose(target -> post(target, headers, body))
                .orTimeout(deadline, TimeUnit.MILLISECONDS)
                .handle((status, failure) -> {
                    long latencyMs = (System.nanoTime() - start) / 1_000_000;
                    if (status != null) {
                        span.span().setAttribute("http.response.status_code", (long) status);
                    }
                    span.end(failure);
                    if (failure != null) {
                        return DeliveryOutcome.failed(at, describe(call, failure), latencyMs);
                    }
                    return new DeliveryOutcome(at, status, status >= 200 && status < 300 ? null : "HTTP " + status,
                            latencyMs);
                });
    }

    /** The address check, off the calling thread (the name lookup blocks). */
    private CompletableFuture<WebhookTargets.Checked> check(String url) {
        return vertx.<WebhookTargets.Checked>executeBlocking(() -> targets.check(URI.create(url)), false)
                .toCompletionStage().toCompletableFuture();
    }

    private CompletableFuture<Integer> post(WebhookTargets.Checked target, Map<String, String> headers, byte[] body) {
        URI uri = target.uri();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), port)))
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.requestTimeout().toMillis())
                .setFollowRedirects(false);
        headers.forEach(options::putHeader);
        // The status is the outcome; the body is not read (the connection is not kept). Setting a body handler here
        // would throw when a short response has already ended, and a delivery the receiver got would count as failed
        // and be sent again (the fault-injection suite caught that as a delivery called twice).
        return http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .map(HttpClientResponse::statusCode)
                .toCompletionStage().toCompletableFuture();
    }

    /** A generic text for the subscriber's delivery log; the detail goes to this service's log. */
    private static String describe(DeliveryCall call, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof WebhookTargets.Refused refused) {
            LOG.warnf("Webhook call of delivery %s (subscription %s) refused: %s", call.deliveryId(),
                    call.subscriptionId(), refused.getMessage());
            return refused.logText();
        }
        LOG.infof("Webhook call of delivery %s (subscription %s) failed: %s", call.deliveryId(), call.subscriptionId(),
                cause.toString());
        for (Throwable link = cause; link != null; link = link.getCause()) {
            if (link instanceof java.util.concurrent.TimeoutException
                    || link.getClass().getSimpleName().contains("Timeout")) {
                return "timeout";
            }
            if (link instanceof SSLException) {
                return "TLS handshake failed";
            }
        }
        return "connection failed";
    }
}
