package nl.monitor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A service's live OpenAPI document against its committed copy in {@code api/} (the root's api module lints those
 * and checks them against their released baseline). The live one is also written to
 * {@code target/openapi/<service>.yaml}; {@code -Dopenapi.update=true} writes it over the committed copy instead of
 * failing.
 */
public final class OpenApiDocuments {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDocuments() {
    }

    /**
     * Fails unless the document the service at {@code base} serves at {@code /openapi} names an operationId for every
     * operation and equals {@code api/<service>.yaml}, saying how to update it when it does not.
     */
    public static void assertLiveDocumentIsCommitted(String service, URI base) throws IOException, InterruptedException {
        String live = fetch(base.resolve("/openapi"));
        Path written = Path.of("target", "openapi", service + ".yaml");
        Files.createDirectories(written.getParent());
        Files.writeString(written, live, StandardCharsets.UTF_8);

        List<String> withoutId = operationsWithoutId(live);
        if (!withoutId.isEmpty()) {
            throw new AssertionError(service + ": operations without an operationId (@Operation(operationId = ...)): "
                    + withoutId);
        }

        Path committed = Path.of(System.getProperty("monitor.api-dir", "../api"), service + ".yaml");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(committed, live, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        if (!expected.equals(live)) {
            throw new AssertionError(service + "'s live OpenAPI document differs from the committed "
                    + "api/" + service + ".yaml " + firstDifference(expected, live) + ".\nIf the change is meant, "
                    + "update the committed copy (it is in " + written.toAbsolutePath() + "), e.g. with\n"
                    + "  ./mvnw -B verify -pl " + service + " -am -Dtest=OpenApiDocumentTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true\n"
                    + "then ./mvnw -B verify -pl api tells whether it breaks clients (api/README.md: a breaking "
                    + "change needs a new major version), and lints it.");
        }
    }

    static String fetch(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                        .header("Accept", "application/yaml").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + uri + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    static List<String> operationsWithoutId(String yaml) throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");
        List<String> without = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey()) && !operation.getValue().hasNonNull("operationId")) {
                without.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return without;
    }

    private static String firstDifference(String expected, String actual) {
        if (expected.isEmpty()) {
            return "(there is no committed copy)";
        }
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "from line " + (i + 1) + " on: committed \"" + a[i].strip() + "\", live \"" + b[i].strip() + "\"";
            }
        }
        return "in length (" + a.length + " lines committed, " + b.length + " live)";
    }
}
