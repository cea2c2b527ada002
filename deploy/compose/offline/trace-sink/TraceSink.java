import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The offline compose stack's stand-in for Jaeger all-in-one, which cannot be built on a machine without the Go module
 * proxy: takes OTLP over HTTP as Jaeger does ({@code POST /v1/traces}, protobuf, port 4318), keeps the newest spans in
 * memory, and answers Jaeger's query API for one trace ({@code GET /api/traces/{traceId}}, port 16686) in Jaeger's JSON
 * shape, so that the smoke test reads either the same way. No UI and no storage: a check that traces arrive, not a
 * tracing backend.
 */
public final class TraceSink {

    private record StoredSpan(String traceId, String spanId, String parentSpanId, String name, String service,
                              long startNanos, long endNanos) {
    }

    private static final int KEEP = 200_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final ConcurrentLinkedDeque<StoredSpan> SPANS = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    public static void main(String[] args) throws IOException {
        HttpServer otlp = HttpServer.create(new InetSocketAddress(4318), 0);
        otlp.createContext("/v1/traces", TraceSink::receive);
        otlp.start();
        HttpServer query = HttpServer.create(new InetSocketAddress(16686), 0);
        query.createContext("/api/traces/", TraceSink::trace);
        query.createContext("/", exchange -> answer(exchange, 200, "{\"spans\": " + COUNT.get() + "}"));
        query.start();
        System.out.println("trace sink: OTLP/HTTP on 4318 (/v1/traces), Jaeger query API on 16686 (/api/traces/{id})");
    }

    private static void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                ExportTraceServiceRequest.parseFrom(body).getResourceSpansList().forEach(TraceSink::keep);
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
        }
    }

    private static void keep(ResourceSpans resourceSpans) {
        String service = resourceSpans.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(attribute -> attribute.getValue().getStringValue()).findFirst().orElse("unknown");
        for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
            for (Span span : scopeSpans.getSpansList()) {
                SPANS.addLast(new StoredSpan(hex(span.getTraceId()), hex(span.getSpanId()),
                        hex(span.getParentSpanId()), span.getName(), service, span.getStartTimeUnixNano(),
                        span.getEndTimeUnixNano()));
                if (COUNT.incrementAndGet() > KEEP) {
                    SPANS.pollFirst();
                    COUNT.decrementAndGet();
                }
            }
        }
    }

    /** Jaeger's {@code GET /api/traces/{traceId}}: {@code {"data": [{"traceID", "spans", "processes"}]}}. */
    private static void trace(HttpExchange exchange) throws IOException {
        try (exchange) {
            String traceId = exchange.getRequestURI().getPath().substring("/api/traces/".length()).toLowerCase();
            List<StoredSpan> trace = SPANS.stream().filter(span -> span.traceId().equals(traceId)).toList();
            if (trace.isEmpty()) {
                answer(exchange, 404, "{\"data\": null, \"errors\": [{\"code\": 404, \"msg\": \"trace not found\"}]}");
                return;
            }
            Map<String, String> processes = new LinkedHashMap<>();
            List<String> spans = new ArrayList<>();
            for (StoredSpan span : trace) {
                String process = processes.computeIfAbsent(span.service(), s -> "p" + (processes.size() + 1));
                String references = span.parentSpanId().isEmpty() ? "[]"
                        : "[{\"refType\": \"CHILD_OF\", \"traceID\": \"" + traceId + "\", \"spanID\": \""
                        + span.parentSpanId() + "\"}]";
                spans.add("{\"traceID\": \"" + traceId + "\", \"spanID\": \"" + span.spanId()
                        + "\", \"operationName\": " + quote(span.name()) + ", \"references\": " + references
                        + ", \"startTime\": " + span.startNanos() / 1000 + ", \"duration\": "
                        + (span.endNanos() - span.startNanos()) / 1000 + ", \"processID\": \"" + process + "\"}");
            }
            List<String> processJson = new ArrayList<>();
            processes.forEach((service, id) -> processJson.add("\"" + id + "\": {\"serviceName\": " + quote(service)
                    + "}"));
            answer(exchange, 200, "{\"data\": [{\"traceID\": \"" + traceId + "\", \"spans\": [" + String.join(", ", spans)
                    + "], \"processes\": {" + String.join(", ", processJson) + "}}]}");
        }
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
