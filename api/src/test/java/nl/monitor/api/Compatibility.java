package nl.monitor.api;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** openapi-diff's verdict on a document against its baseline, with the versioning rule of api/README.md. */
final class Compatibility {

    private Compatibility() {
    }

    /**
     * Why {@code current} may not replace {@code baseline} for the clients of {@code service}: a backward-incompatible
     * change (openapi-diff's, or a response field gone) without a raised major version, or a major version that went
     * down; empty when it may.
     */
    static Optional<String> breakingChange(String service, String baseline, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(asOpenApi30(baseline), asOpenApi30(current));
        int was = major(diff.getOldSpecOpenApi().getInfo().getVersion());
        int now = major(diff.getNewSpecOpenApi().getInfo().getVersion());
        if (now < was) {
            return Optional.of(service + ": the major version went down (" + was + " to " + now + ")");
        }
        List<String> removed = removedResponseFields(diff);
        if ((diff.isIncompatible() || !removed.isEmpty()) && now == was) {
            return Optional.of(service + ": a backward-incompatible change against the released document "
                    + "api/baseline/" + service + ".yaml, in the same major version " + now + ". Keep the old "
                    + "field, parameter or endpoint (deprecate it, api/README.md), or raise the major version of "
                    + service + " (mp.openapi.extensions.smallrye.info.version in its application.properties) "
                    + "and announce it."
                    + (removed.isEmpty() ? "" : "\nResponse fields removed or renamed: " + String.join("; ", removed))
                    + "\nopenapi-diff says:\n" + render(diff));
        }
        return Optional.empty();
    }

    /**
     * The response fields that are gone: openapi-diff counts the removal of a field that is not {@code required} as
     * compatible (a client must cope with its absence), but a client that reads it breaks all the same, and renaming
     * a field is exactly that. Every {@code METHOD path status media-type: field.path} of a field the baseline had.
     */
    static List<String> removedResponseFields(ChangedOpenApi diff) {
        List<String> removed = new ArrayList<>();
        for (ChangedOperation operation : diff.getChangedOperations()) {
            ChangedApiResponse responses = operation.getApiResponses();
            if (responses == null) {
                continue;
            }
            for (Map.Entry<String, ChangedResponse> response : responses.getChanged().entrySet()) {
                ChangedContent content = response.getValue().getContent();
                if (content == null) {
                    continue;
                }
                for (Map.Entry<String, ChangedMediaType> media : content.getChanged().entrySet()) {
                    String where = operation.getHttpMethod() + " " + operation.getPathUrl() + " "
                            + response.getKey() + " " + media.getKey() + ": ";
                    removedProperties(where, "", media.getValue().getSchema(), removed,
                            Collections.newSetFromMap(new IdentityHashMap<>()));
                }
            }
        }
        return removed;
    }

    private static void removedProperties(String where, String prefix, ChangedSchema schema, List<String> removed,
                                          Set<ChangedSchema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        schema.getMissingProperties().keySet().forEach(name -> removed.add(where + prefix + name));
        schema.getChangedProperties().forEach((name, changed) ->
                removedProperties(where, prefix + name + ".", changed, removed, seen));
        removedProperties(where, prefix + "[].", schema.getItems(), removed, seen);
    }

    /**
     * openapi-diff 2.1 reads the schemas of an OpenAPI 3.1 document without their types (a field changed from string
     * to integer went unnoticed), so the documents are compared as 3.0: their schemas use nothing of 3.1 (one type
     * per schema, no const or prefixItems); the 3.1-only parts (webhooks, schema examples) are left out of the
     * comparison.
     */
    static String asOpenApi30(String document) {
        return document.replaceFirst("(?m)^openapi: 3\\.1\\.\\d+$", "openapi: 3.0.3");
    }

    static int major(String version) {
        String major = version == null ? "" : version.split("\\.", 2)[0];
        if (!major.matches("\\d+")) {
            throw new IllegalArgumentException("info.version is not <major>.<minor>[.<patch>]: " + version);
        }
        return Integer.parseInt(major);
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
