package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed and schema validation of rendered objects: Kubernetes kinds through the fabric8 model classes (with no
 * field left over that the model does not know), custom resources against the openAPIV3Schema of their CRD kept in
 * src/test/resources/schemas (unknown fields rejected, as server-side strict field validation does).
 */
final class Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private Schemas() {
    }

    /** A JSON schema kept on the classpath; its relative $id resolves against that location. */
    static JsonSchema resource(String classpath) {
        if (Schemas.class.getResource(classpath) == null) {
            throw new AssertionError("Missing schema " + classpath);
        }
        return FACTORY.getSchema(com.networknt.schema.SchemaLocation.of("classpath:" + classpath.substring(1)));
    }

    /** The schema of one version of a CustomResourceDefinition kept as YAML on the classpath. */
    static JsonSchema crd(String classpath, String version) {
        try (InputStream in = Schemas.class.getResourceAsStream(classpath)) {
            if (in == null) {
                throw new AssertionError("Missing CRD " + classpath);
            }
            JsonNode crd = Repo.yamlDocuments(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .get(0);
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    JsonNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                    closeObjects(schema, true);
                    return FACTORY.getSchema(schema);
                }
            }
            throw new AssertionError(classpath + " has no version " + version);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Objects with declared properties accept no other field, unless the CRD preserves unknown fields there. */
    private static void closeObjects(JsonNode node, boolean root) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.fields().forEachRemaining(field -> closeObjects(field.getValue(), false));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> closeObjects(child, false));
        }
    }

    static List<String> errors(JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    /** Every field the fabric8 model did not recognise (typos, wrong nesting) anywhere in the object. */
    static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object child = method.invoke(value);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    unknownFields(child, path + "." + decapitalize(method.getName().substring(3)), problems);
                }
            } catch (ReflectiveOperationException e) {
                problems.add(path + ": cannot read " + method.getName() + ": " + e);
            }
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
