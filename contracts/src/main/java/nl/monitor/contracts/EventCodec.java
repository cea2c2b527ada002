package nl.monitor.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes events as CloudEvents JSON and reads them back, checking each incoming event against the JSON Schema of its
 * type. Thread-safe; one instance serves a whole service.
 */
public final class EventCodec {

    private static final String SCHEMA_BASE = "https://schemas.monitor.nl/contracts/";
    private static final int MAX_REASONS = 5;

    private final ObjectMapper mapper;
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        this.mapper = newMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:contracts/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType type : EventType.values()) {
            schemas.put(type, factory.getSchema(SchemaLocation.of(type.dataschema()), config));
        }
    }

    /** The JSON mapper the platform uses for events: ISO-8601 instants, unknown properties refused. */
    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public String encode(CloudEvent<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write event " + event.id(), e);
        }
    }

    /** The problems of this event's JSON against the schema of its type; empty when it conforms. */
    public Set<String> schemaViolations(EventType type, JsonNode event) {
        return schemas.get(type).validate(event).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Reads an event that must be of the expected type, or of another schema version of it that this build knows and
     * reads into the same record (a consumer of {@code threshold-crossed} reads v1 and v2 off its topic).
     *
     * @throws PoisonEventException when the JSON is malformed, the type or its version is unknown or unexpected, or
     *                              the event breaks its schema
     */
    public <T> CloudEvent<T> decode(String json, EventType expected) {
        JsonNode tree = parse(json);
        String type = tree.path("type").asText(null);
        EventType actual = EventType.byType(type).orElseThrow(
                () -> new PoisonEventException("unknown event type or schema version: " + type));
        if (actual != expected && !(actual.topic().equals(expected.topic())
                && actual.dataType().equals(expected.dataType()))) {
            throw new PoisonEventException("expected " + expected.type() + " but got " + type);
        }
        Set<String> violations = schemaViolations(actual, tree);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("event " + tree.path("id").asText("?") + " breaks schema "
                    + actual.schemaFile() + ": " + violations.stream().limit(MAX_REASONS)
                    .collect(Collectors.joining("; ")));
        }
        JavaType javaType = mapper.getTypeFactory().constructParametricType(CloudEvent.class, actual.dataType());
        try {
            return mapper.treeToValue(tree, javaType);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + tree.path("id").asText("?") + " cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    private JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        try {
            JsonNode tree = mapper.readTree(json);
            if (!tree.isObject()) {
                throw new PoisonEventException("record value is not a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
