package nl.monitor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access matrix of a service: every operation of its OpenAPI document, called by each {@link Caller}, against an
 * expected-outcome table kept in the repository (CSV: {@code method,path,} then one column per caller). The outcome
 * classes are {@code 401}, {@code 403} and {@code allowed} (any other 2xx or 4xx: the caller got past the access
 * rules, and the answer is about the request); a 5xx is never expected. An operation without a row, a row without an
 * operation, or another outcome fails, and the observed table is written next to the test's output to copy from.
 *
 * <p>Requests carry the path parameters of the service's fixture and its query parameters where the fixture names
 * them, and an empty JSON object as body: they test who may call, not what the call does, so a write whose rules
 * look at the body (the municipality of a submission) answers 422 to everyone past the role check; the services'
 * own tests cover those rules with real bodies.
 */
public final class AccessMatrix {

    /** Who calls: the column of the table and the token (none for {@link #NONE}). */
    public enum Caller {
        NONE("none", () -> null),
        RESPONDENT("respondent", () -> TestTokens.respondent(AccessMatrix.MUNICIPALITY)),
        RESPONDENT_OTHER("respondent-other", () -> TestTokens.respondent(AccessMatrix.OTHER_MUNICIPALITY)),
        COORDINATOR("coordinator", () -> TestTokens.coordinator(AccessMatrix.REGION)),
        COORDINATOR_OTHER("coordinator-other", () -> TestTokens.coordinator(AccessMatrix.OTHER_REGION)),
        ANALYST("analyst", TestTokens::analyst),
        ADMIN("admin", TestTokens::admin);

        private final String column;
        private final Supplier<String> token;

        Caller(String column, Supplier<String> token) {
            this.column = column;
            this.token = token;
        }

        public String column() {
            return column;
        }
    }

    /** The respondent's municipality and the coordinator's region; the others are of another region. */
    public static final String MUNICIPALITY = "GM0014";
    public static final String REGION = "Groningen";
    public static final String OTHER_MUNICIPALITY = "GM0034";
    public static final String OTHER_REGION = "Drenthe";

    /** The path and query parameters every service has in common; a service's fixture adds to them. */
    public static final Map<String, String> COMMON_FIXTURE = Map.of("code", MUNICIPALITY, "region", REGION,
            "year", "2017");

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    /** HTTP/1.1: a stream closed after its head closes its connection, and no h2c upgrade is tried. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Map<String, String> fixture;

    private AccessMatrix(URI base, Map<String, String> fixture) {
        this.base = base;
        this.fixture = fixture;
    }

    /** The table of a service's module, and where the observed one is written. */
    public static final Path TABLE = Path.of("src/test/resources/access-matrix.csv");
    public static final Path OBSERVED = Path.of("target/access-matrix-observed.csv");

    /**
     * Checks the service at {@code base} against its module's {@link #TABLE}.
     *
     * @param fixture values of path and query parameters by name, over {@link #COMMON_FIXTURE}; a key
     *                {@code <path>:<name>} sets one operation's parameter
     */
    public static void verify(URL base, Map<String, String> fixture) {
        Map<String, String> values = new LinkedHashMap<>(COMMON_FIXTURE);
        values.putAll(fixture);
        try {
            new AccessMatrix(base.toURI(), values).verify(TABLE, OBSERVED);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    private record Operation(String method, String path, JsonNode definition) {
        String key() {
            return method + " " + path;
        }
    }

    private void verify(Path table, Path observed) {
        Map<String, List<String>> expected = read(table);
        Map<String, List<String>> actual = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations()) {
            List<String> outcomes = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                String status = call(operation, caller);
                statuses.add(status);
                outcomes.add(outcome(status));
            }
            actual.put(operation.key(), outcomes);
            List<String> row = expected.get(operation.key());
            if (row == null) {
                problems.add("no row for " + operation.key() + " (observed " + String.join(",", outcomes)
                        + "; statuses " + String.join(",", statuses) + ")");
            } else if (!row.equals(outcomes)) {
                problems.add(operation.key() + ": expected " + String.join(",", row) + ", observed "
                        + String.join(",", outcomes) + " (statuses " + String.join(",", statuses) + ")");
            }
            outcomes.stream().filter(o -> o.startsWith("error")).findFirst().ifPresent(error ->
                    problems.add(operation.key() + " answered " + error + " to a caller"));
        }
        expected.keySet().stream().filter(key -> !actual.containsKey(key))
                .forEach(key -> problems.add("a row for " + key + ", which the OpenAPI document does not list"));
        write(observed, actual);
        if (!problems.isEmpty()) {
            throw new AssertionError("Access matrix " + table + " differs from the service (observed table: "
                    + observed + "):\n  " + String.join("\n  ", problems));
        }
    }

    private List<Operation> operations() {
        JsonNode document = get("/openapi?format=json");
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), path.getValue().get(method)));
                }
            }
        }
        if (operations.isEmpty()) {
            throw new AssertionError("No operations in the OpenAPI document of " + base);
        }
        return operations;
    }

    /** The status of the answer to one call, or {@code timeout}. */
    private String call(Operation operation, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(operation)).timeout(Duration.ofSeconds(20))
                .header("Accept", "*/*");
        String token = caller.token.get();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        JsonNode content = operation.definition().path("requestBody").path("content");
        if (content.isObject() && content.size() > 0) {
            String type = content.fieldNames().next();
            request.header("Content-Type", type)
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(type.contains("json") ? "{}" : ""));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        // The answer's head is enough; a stream (Server-Sent Events) is closed right after it.
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return Integer.toString(response.statusCode());
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            throw new UncheckedIOException(operation.key() + " as " + caller.column(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The class of an answer's status: 401, 403, allowed, or an error (a 5xx, or no answer in time). */
    static String outcome(String status) {
        if (status.equals("401") || status.equals("403")) {
            return status;
        }
        return status.startsWith("5") || status.equals("timeout") ? "error-" + status : "allowed";
    }

    private URI url(Operation operation) {
        Matcher parameter = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = value(operation, parameter.group(1));
            if (value == null) {
                throw new AssertionError("No fixture value for the path parameter {" + parameter.group(1) + "} of "
                        + operation.key());
            }
            parameter.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
        }
        parameter.appendTail(path);
        List<String> query = new ArrayList<>();
        for (JsonNode declared : operation.definition().path("parameters")) {
            String name = declared.path("name").asText();
            String value = value(operation, name);
            if ("query".equals(declared.path("in").asText()) && value != null) {
                query.add(encode(name) + "=" + encode(value));
            }
        }
        return base.resolve(path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    /** The fixture's value for a parameter of this path ({@code <path>:<name>}), else for the name. */
    private String value(Operation operation, String name) {
        return fixture.getOrDefault(operation.path() + ":" + name, fixture.get(name));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header() {
        StringBuilder header = new StringBuilder("method,path");
        for (Caller caller : Caller.values()) {
            header.append(',').append(caller.column());
        }
        return header.toString();
    }

    /** The table: lines of {@code method,path,<outcome per caller>}; {@code #} starts a comment. */
    static Map<String, List<String>> read(Path table) {
        try {
            List<String> lines = Files.readAllLines(table).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            if (lines.isEmpty() || !lines.get(0).equals(header())) {
                throw new AssertionError(table + " must start with the header " + header());
            }
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = List.of(line.split(",", -1));
                if (cells.size() != Caller.values().length + 2) {
                    throw new AssertionError(table + ": a row of " + cells.size() + " cells: " + line);
                }
                Set<String> allowed = Set.of("401", "403", "allowed");
                cells.subList(2, cells.size()).stream().filter(cell -> !allowed.contains(cell)).findFirst()
                        .ifPresent(cell -> {
                            throw new AssertionError(table + ": outcome " + cell + " is none of " + allowed);
                        });
                if (rows.put(cells.get(0) + " " + cells.get(1), cells.subList(2, cells.size())) != null) {
                    throw new AssertionError(table + ": two rows for " + cells.get(0) + " " + cells.get(1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path observed, Map<String, List<String>> rows) {
        StringBuilder table = new StringBuilder(header()).append('\n');
        rows.forEach((key, outcomes) -> table.append(key.replace(' ', ',')).append(',')
                .append(String.join(",", outcomes)).append('\n'));
        try {
            Files.createDirectories(observed.getParent());
            Files.writeString(observed, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
