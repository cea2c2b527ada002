package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Kustomize overlays of deploy/overlays, rendered with {@code kubectl kustomize}. */
final class Manifests {

    static final Path OVERLAYS = Repo.path("deploy/overlays");

    record Rendered(Path overlay, List<JsonNode> objects) {
        String name() {
            return OVERLAYS.relativize(overlay).toString();
        }

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        }

        JsonNode one(String kind, String name) {
            return ofKind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError(name() + ": no " + kind + " " + name));
        }
    }

    private Manifests() {
    }

    /** Every directory under deploy/overlays that holds a kustomization. */
    static List<Path> overlays() {
        try (Stream<Path> files = Files.walk(OVERLAYS)) {
            return files.filter(f -> f.getFileName().toString().matches("kustomization\\.ya?ml"))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Rendered render(Path overlay) {
        String yaml = Command.run(Repo.ROOT, Duration.ofMinutes(2), "kubectl", "kustomize", overlay.toString())
                .orFail();
        return new Rendered(overlay, new ArrayList<>(Repo.yamlDocuments(yaml)));
    }
}
