package nl.monitor.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector for tests: takes OTLP over HTTP ({@code POST /v1/traces}, protobuf) as the services'
 * exporters send it, and keeps every span with the name of the service that sent it.
 */
public final class TraceCollector implements AutoCloseable {

    /** One span as received: ids in lower-case hex as in {@code traceparent}, the parent empty for a root. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                               Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    public TraceCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    /** What a service's configuration needs to export its spans here. */
    public Map<String, String> exporterConfig() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.traces.endpoint", endpoint(),
                "quarkus.otel.bsp.schedule.delay", "200ms");
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            try (InputStream body = "gzip".equalsIgnoreCase(encoding)
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                request.getResourceSpansList().forEach(this::keep);
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
        }
    }

    private void keep(ResourceSpans resourceSpans) {
        String service = resourceSpans.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(attribute -> attribute.getValue().getStringValue()).findFirst().orElse("");
        HexFormat hex = HexFormat.of();
        for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
            scopeSpans.getSpansList().forEach(span -> spans.add(new ReceivedSpan(service,
                    hex.formatHex(span.getTraceId().toByteArray()), hex.formatHex(span.getSpanId().toByteArray()),
                    hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
                    attributes(span.getAttributesList()))));
        }
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        attributes.forEach(attribute -> map.put(attribute.getKey(), switch (attribute.getValue().getValueCase()) {
            case INT_VALUE -> String.valueOf(attribute.getValue().getIntValue());
            case BOOL_VALUE -> String.valueOf(attribute.getValue().getBoolValue());
            case DOUBLE_VALUE -> String.valueOf(attribute.getValue().getDoubleValue());
            default -> attribute.getValue().getStringValue();
        }));
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
