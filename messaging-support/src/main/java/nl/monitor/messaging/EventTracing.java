package nl.monitor.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Carries a trace through Kafka, so that one submission is one trace from the REST call to the webhook: the writer's
 * trace context is stored with its outbox row ({@code traceparent}, W3C Trace Context), the relay sends the row in a
 * {@code publish} span of that trace, and the consumer handles each record in a {@code process} span continuing it,
 * in which the events it publishes in turn take the context along.
 * <p>
 * With tracing off (the default, {@code quarkus.otel.sdk.disabled=true}) the propagator injects nothing, no row
 * carries a context and every span is a no-op.
 */
@ApplicationScoped
public class EventTracing {

    private static final TextMapGetter<Headers> RECORD_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> map) {
            return map.keySet();
        }

        @Override
        public String get(Map<String, String> map, String key) {
            return map == null ? null : map.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("nl.monitor.messaging");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The current trace context as record headers ({@code traceparent}, maybe {@code tracestate}); empty when off. */
    public Map<String, String> currentContext() {
        return contextOf(Context.current());
    }

    private Map<String, String> contextOf(Context context) {
        Map<String, String> headers = new HashMap<>(2);
        propagator.inject(context, headers, (carrier, key, value) -> carrier.put(key, value));
        return headers;
    }

    /** The names of the headers {@link #currentContext()} may fill: the relay replaces them with its span's. */
    public List<String> fields() {
        return List.copyOf(propagator.fields());
    }

    /**
     * Starts the span in which the relay sends an outbox row, a child of the context stored with it; its own context
     * is returned for the record's headers. With no stored context there is no trace to continue: no span.
     */
    public Outgoing startPublishing(OutboxEvent row) {
        Context stored = row.headers == null ? Context.root() : propagator.extract(Context.root(), row.headers, MAP);
        return start(stored, row.topic + " publish", SpanKind.PRODUCER, Map.of(
                "messaging.system", "kafka",
                "messaging.operation.type", "publish",
                "messaging.destination.name", row.topic,
                "messaging.message.id", row.eventId,
                "messaging.kafka.message.key", row.recordKey));
    }

    /**
     * Starts the span of an outgoing call (a webhook delivery, say) that continues a stored {@code traceparent}
     * (see {@link #currentTraceparent()}); none when nothing was stored.
     */
    public Outgoing startCall(String name, String traceparent, Map<String, String> attributes) {
        Context stored = traceparent == null ? Context.root()
                : propagator.extract(Context.root(), Map.of("traceparent", traceparent), MAP);
        return start(stored, name, SpanKind.CLIENT, attributes);
    }

    /** The current context's {@code traceparent}, to store with work done later (a delivery); null when off. */
    public String currentTraceparent() {
        return currentContext().get("traceparent");
    }

    private Outgoing start(Context parent, String name, SpanKind kind, Map<String, String> attributes) {
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Outgoing.NONE;
        }
        var builder = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind);
        attributes.forEach(builder::setAttribute);
        Span span = builder.startSpan();
        return new Outgoing(span, contextOf(parent.with(span)));
    }

    /**
     * The span of something sent on (a record, a call) and the headers that carry its context to the receiver;
     * {@link #NONE} when there is no trace to continue.
     */
    public record Outgoing(Span span, Map<String, String> headers) {
        static final Outgoing NONE = new Outgoing(Span.getInvalid(), Map.of());

        public void end(Throwable failure) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        }
    }

    /**
     * Starts the span in which a consumed record is handled, continuing the trace its headers carry (a new trace
     * when they carry none). The caller makes it current while the handler runs and ends it.
     */
    public Span startProcessing(ConsumerRecord<String, String> record, String eventId) {
        Context parent = propagator.extract(Context.root(), record.headers(), RECORD_HEADERS);
        return tracer.spanBuilder(record.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.message.id", eventId)
                .startSpan();
    }
}
