package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting-service's memory, as its image, pods and compose container get it: the JVM line of its image
 * ({@code image.jvm-options} of its pom, else the parent's) leaves room for what its PDF documents were measured to
 * need, and its caps with the memory that no flag caps fit the pod's and the container's limit. Measured with Native
 * Memory Tracking on the packaged service over a factsheet, the 2017 yearly report and the cohort's reports
 * (QuestionnaireFlowIT, Report2017IT, CohortReportsIT), at most: metaspace 110 MiB committed (with a 112 MB cap it died
 * of OutOfMemoryError: Metaspace), heap 99 MiB, RSS 397 MiB of which about 152 MiB neither heap, metaspace nor code
 * cache (160 MiB allowed).
 */
class JvmMemoryTest {

    private static final String SERVICE = "reporting-service";
    private static final long MIB = 1024 * 1024;
    private static final long MEASURED_METASPACE = 110 * MIB;
    private static final long MEASURED_RSS = 397 * MIB;
    private static final long MEASURED_HEAP = 99 * MIB;
    private static final long MEASURED_UNCAPPED = 160 * MIB;

    /** The JVM line of a service's image: its own pom's {@code image.jvm-options}, else the parent pom's. */
    static String imageJvmOptions(String service) {
        return property(Repo.path(service + "/pom.xml"), "image.jvm-options")
                .or(() -> property(Repo.path("pom.xml"), "image.jvm-options"))
                .orElseThrow(() -> new AssertionError("no image.jvm-options in the poms"));
    }

    private static Optional<String> property(Path pom, String name) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            NodeList properties = document.getDocumentElement().getElementsByTagName("properties");
            for (int i = 0; i < properties.getLength(); i++) {
                Element element = (Element) properties.item(i);
                // the project's own properties, not a profile's
                if (element.getParentNode() != document.getDocumentElement()) {
                    continue;
                }
                NodeList values = element.getElementsByTagName(name);
                if (values.getLength() > 0) {
                    return Optional.of(values.item(0).getTextContent().trim());
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("Reading " + pom, e);
        }
    }

    /** A JVM size flag's value in bytes ({@code -XX:MaxMetaspaceSize=192m}). */
    static long size(String options, String flag) {
        Matcher matcher = Pattern.compile("-XX:" + flag + "=(\\d+)([kKmMgG]?)").matcher(options);
        assertThat(matcher.find()).as(flag + " in " + options).isTrue();
        long value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase()) {
            case "k" -> value * 1024;
            case "m" -> value * MIB;
            case "g" -> value * 1024 * MIB;
            default -> value;
        };
    }

    static double percent(String options, String flag) {
        Matcher matcher = Pattern.compile("-XX:" + flag + "=([0-9.]+)").matcher(options);
        assertThat(matcher.find()).as(flag + " in " + options).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    /** Kubernetes quantities (Mi, Gi, M, G) and compose's (m, g) in bytes. */
    static long bytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|K|M|G|m|g)?b?").matcher(quantity.trim());
        assertThat(matcher.matches()).as("memory quantity " + quantity).isTrue();
        long value = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2);
        return switch (unit) {
            case "Ki", "k", "K" -> value * 1024;
            case "Mi", "m" -> value * MIB;
            case "Gi", "g" -> value * 1024 * MIB;
            case "M" -> value * 1_000_000;
            case "G" -> value * 1_000_000_000;
            default -> value;
        };
    }

    /** What the image's caps and the uncapped rest need within a container limit. */
    private static List<String> problems(String where, long limit, String options) {
        long heap = (long) (limit * percent(options, "MaxRAMPercentage") / 100);
        long metaspace = size(options, "MaxMetaspaceSize");
        long codeCache = size(options, "ReservedCodeCacheSize");
        List<String> problems = new ArrayList<>();
        long needed = heap + metaspace + codeCache + MEASURED_UNCAPPED;
        if (needed > limit) {
            problems.add("%s: heap %d + metaspace %d + code cache %d + %d MiB uncapped = %d MiB > limit %d MiB"
                    .formatted(where, heap / MIB, metaspace / MIB, codeCache / MIB, MEASURED_UNCAPPED / MIB,
                            needed / MIB, limit / MIB));
        }
        if (heap < 2 * MEASURED_HEAP) {
            problems.add(where + ": heap cap " + heap / MIB + " MiB, less than twice the 99 MiB measured");
        }
        return problems;
    }

    @Test
    void the_images_metaspace_leaves_room_over_what_the_pdf_documents_were_measured_to_need() {
        String options = imageJvmOptions(SERVICE);
        assertThat(size(options, "MaxMetaspaceSize")).as(options).isGreaterThanOrEqualTo(MEASURED_METASPACE * 3 / 2);
        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
        // the other services keep the parent's line, which the reporting-service's would exceed
        assertThat(imageJvmOptions("survey-service")).isNotEqualTo(options)
                .isEqualTo(property(Repo.path("pom.xml"), "image.jvm-options").orElseThrow());
        // and the check catches a cap too small for what was measured
        assertThat(size("-XX:MaxMetaspaceSize=128m", "MaxMetaspaceSize")).isLessThan(MEASURED_METASPACE * 3 / 2);
    }

    @Test
    void the_compose_containers_limit_holds_the_images_caps() {
        JsonNode service = Compose.file(Compose.FILE).path("services").path(SERVICE);
        String limit = Compose.interpolate(service.path("mem_limit").asText());
        assertThat(limit).as("mem_limit of " + SERVICE).isNotEmpty();
        assertThat(Compose.environment(service)).as("compose keeps the image's JVM line")
                .doesNotContainKey("JDK_JAVA_OPTIONS");
        assertThat(problems("docker-compose.yml", bytes(limit), imageJvmOptions(SERVICE))).isEmpty();
        // a limit of the other services' 320m would not
        assertThat(problems("320m", bytes("320m"), imageJvmOptions(SERVICE))).isNotEmpty();
    }

    @Test
    void every_overlays_pod_limit_holds_the_images_caps_and_requests_the_measured_peak() {
        Assumptions.assumeTrue(Command.onPath("kubectl"),
                "SKIPPED: kubectl is not installed; see KustomizeManifestsTest");
        List<String> problems = new ArrayList<>();
        int deployments = 0;
        for (Path overlay : Manifests.overlays()) {
            Manifests.Rendered rendered = Manifests.render(overlay);
            for (JsonNode deployment : rendered.ofKind("Deployment")) {
                if (!deployment.path("metadata").path("name").asText().equals(SERVICE)) {
                    continue;
                }
                deployments++;
                JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
                JsonNode resources = container.path("resources");
                String where = rendered.name() + " " + SERVICE;
                long limit = bytes(resources.path("limits").path("memory").asText("0"));
                long request = bytes(resources.path("requests").path("memory").asText("0"));
                // a deployment may override the image's line in its environment or ConfigMap; none does now
                String options = StreamSupport.stream(container.path("env").spliterator(), false)
                        .filter(e -> e.path("name").asText().equals("JDK_JAVA_OPTIONS"))
                        .map(e -> e.path("value").asText()).findFirst()
                        .or(() -> Optional.ofNullable(rendered.one("ConfigMap", SERVICE + "-config").path("data")
                                .path("JDK_JAVA_OPTIONS").textValue()))
                        .orElse(imageJvmOptions(SERVICE));
                problems.addAll(problems(where, limit, options));
                if (request < MEASURED_RSS) {
                    problems.add(where + ": requests " + request / MIB + " MiB, below the 397 MiB measured");
                }
            }
        }
        assertThat(deployments).as("overlays with a " + SERVICE + " Deployment").isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }
}
