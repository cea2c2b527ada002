package nl.monitor.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the attributes and the event's {@code data}.
 * Kafka records carry it as their value, keyed by {@link #subject()} (the municipality code), so all events of one
 * municipality stay in order.
 *
 * @param type       {@code nl.monitor.<event-type>.v<N>}, see {@link EventType}
 * @param subject    the municipality code the event is about
 * @param dataschema where the JSON Schema of this type lives, see {@link EventType#dataschema()}
 */
public record CloudEvent<T>(String specversion, String id, String source, String type, String subject, Instant time,
                            String datacontenttype, String dataschema, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /**
     * The {@code content-type} of a Kafka record that holds a whole event in structured mode (the CloudEvents Kafka
     * binding), as the outbox relay sends it.
     */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /** A new event of the given type with a fresh id, stamped now. */
    public static <T> CloudEvent<T> of(EventType type, String source, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(), subject,
                Instant.now(), JSON, type.dataschema(), data);
    }
}
