package nl.monitor.contracts;

import java.util.Arrays;
import java.util.Optional;

/** The platform's event types: CloudEvents type, Kafka topic, data record and JSON Schema, in one place. */
public enum EventType {
    SURVEY_SUBMITTED("survey-submitted", 1, SurveySubmitted.class),
    SCORE_COMPUTED("score-computed", 1, ScoreComputed.class),
    THRESHOLD_CROSSED("threshold-crossed", 1, ThresholdCrossed.class),
    /** A score's crossing as v1, or an indicator figure's crossing of a coordinator's threshold; same topic. */
    THRESHOLD_CROSSED_V2("threshold-crossed", 2, ThresholdCrossed.class),
    /** v2's two forms, or a municipality's result against its own target (issue 28); same topic. */
    THRESHOLD_CROSSED_V3("threshold-crossed", 3, ThresholdCrossed.class),
    AUDIT_RECORDED("audit-recorded", 1, AuditRecorded.class),
    INDICATOR_RECORDED("indicator-recorded", 1, IndicatorRecorded.class),
    MUNICIPAL_PLAN_PUBLISHED("municipal-plan-published", 1, MunicipalPlanPublished.class);

    private static final String TYPE_PREFIX = "nl.monitor.";
    private static final String SCHEMA_BASE = "https://schemas.monitor.nl/contracts/";

    private final String name;
    private final int version;
    private final Class<?> dataType;

    EventType(String name, int version, Class<?> dataType) {
        this.name = name;
        this.version = version;
        this.dataType = dataType;
    }

    /** The Kafka topic the events of this type are published on. */
    public String topic() {
        return name;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code nl.monitor.survey-submitted.v1}. */
    public String type() {
        return TYPE_PREFIX + name + ".v" + version;
    }

    public int version() {
        return version;
    }

    public Class<?> dataType() {
        return dataType;
    }

    /** The schema's {@code $id}; the file is {@code contracts/<name>.v<N>.schema.json} in this module. */
    public String dataschema() {
        return SCHEMA_BASE + schemaFile();
    }

    public String schemaFile() {
        return name + ".v" + version + ".schema.json";
    }

    public static Optional<EventType> byType(String type) {
        return Arrays.stream(values()).filter(t -> t.type().equals(type)).findFirst();
    }
}
