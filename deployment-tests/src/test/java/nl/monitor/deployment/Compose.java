package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose files as a user's compose reads them with no variables set: every {@code ${VAR:-default}} defaulted;
 * a required {@code ${VAR:?message}} (no default) reads as empty.
 */
final class Compose {

    static final String FILE = "docker-compose.yml";
    static final String OFFLINE = "docker-compose.offline.yml";
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*)|:?\\?([^}]*))?}");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?\\?[^}]*}");

    private Compose() {
    }

    static JsonNode file(String name) {
        return Repo.yaml(Repo.path(name));
    }

    static String interpolate(String value) {
        Matcher matcher = VARIABLE.matcher(value.replace("$$", "\u0000"));
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(2) == null ? "" : matcher.group(2)));
        }
        matcher.appendTail(result);
        return result.toString().replace("\u0000", "$");
    }

    /** Whether the value holds a variable compose requires, with no default ({@code ${VAR:?message}}). */
    static boolean required(String value) {
        return REQUIRED.matcher(value).find();
    }

    /** The environment of a service, list or map form, interpolated. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new java.util.TreeMap<>();
        JsonNode env = service.path("environment");
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> environment.put(e.getKey(), interpolate(e.getValue().asText())));
        } else {
            env.forEach(e -> {
                String[] pair = e.asText().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? interpolate(pair[1]) : "");
            });
        }
        return environment;
    }
}
