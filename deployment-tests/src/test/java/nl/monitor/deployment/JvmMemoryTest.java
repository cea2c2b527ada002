package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Each service's memory, as its image, pods and compose container get it: the JVM line of its image
 * ({@code image.jvm-options} of its pom, else the parent's) caps heap, metaspace and code cache, and those caps with the
 * memory that no flag caps (160 MiB allowed) fit the pod's and the container's limit, the heap cap is at least twice
 * the heap measured, the metaspace cap at least 1.25 times the metaspace measured, and the pod requests the peak RSS
 * measured.
 * <p>
 * Measured with Native Memory Tracking on the packaged services. The reporting-service over a factsheet, the 2017
 * yearly report and the cohort's reports (QuestionnaireFlowIT, Report2017IT, CohortReportsIT): metaspace 110 MiB
 * committed (with a 112 MB cap it died of OutOfMemoryError: Metaspace), heap 99 MiB, RSS 397 MiB of which about 152
 * MiB neither heap, metaspace nor code cache. The other three under the pipeline benchmark (benchmarks/README.md, "What
 * RSS holds"): metaspace at most 90 MiB, heap at most 78 MiB committed (the survey-service's), RSS after the load at
 * most 328 MB (313 MiB, the scoring-service's) with the flags the tests run them with (heap 160 MB, metaspace 112 MB)
 * — more than the 320 MiB their pods were once limited to allowed for caps of 60 % heap, 128 MB metaspace and 48 MB
 * code cache. The survey-service's Excel import (issue 28) added 1.7 MiB of metaspace (NMT's Metaspace, committed,
 * after CSV imports 84.9 MiB, after workbook imports 86.6 MiB; class space 13.3 to 13.5 MiB): 92 MiB.
 */
class JvmMemoryTest {

    private static final long MIB = 1024 * 1024;
    private static final long UNCAPPED = 160 * MIB;

    /** What a service was measured to need at most. */
    record Measured(String service, long metaspace, long heap, long rss) {
    }

    static final List<Measured> MEASURED = List.of(
            // 90 MiB under the pipeline benchmark, plus 1.7 MiB (291 classes: fastexcel-reader, aalto-xml,
            // commons-compress) after its indicator import read workbooks: 84.9 -> 86.6 MiB on the packaged service
            new Measured("survey-service", 92 * MIB, 78 * MIB, 313 * MIB),
            new Measured("scoring-service", 90 * MIB, 78 * MIB, 313 * MIB),
            new Measured("reporting-service", 110 * MIB, 99 * MIB, 397 * MIB),
            new Measured("notification-service", 90 * MIB, 78 * MIB, 313 * MIB));

    static List<Measured> services() {
        return MEASURED;
    }

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
    private static List<String> problems(Measured measured, String where, long limit, String options) {
        long heap = (long) (limit * percent(options, "MaxRAMPercentage") / 100);
        long metaspace = size(options, "MaxMetaspaceSize");
        long codeCache = size(options, "ReservedCodeCacheSize");
        List<String> problems = new ArrayList<>();
        long needed = heap + metaspace + codeCache + UNCAPPED;
        if (needed > limit) {
            problems.add("%s: heap %d + metaspace %d + code cache %d + %d MiB uncapped = %d MiB > limit %d MiB"
                    .formatted(where, heap / MIB, metaspace / MIB, codeCache / MIB, UNCAPPED / MIB,
                            needed / MIB, limit / MIB));
        }
        if (heap < 2 * measured.heap()) {
            problems.add(where + ": heap cap " + heap / MIB + " MiB, less than twice the " + measured.heap() / MIB
                    + " MiB measured");
        }
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_images_metaspace_leaves_room_over_what_was_measured(Measured measured) {
        String options = imageJvmOptions(measured.service());
        assertThat(size(options, "MaxMetaspaceSize")).as(options).isGreaterThanOrEqualTo(measured.metaspace() * 5 / 4);
        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
    }

    /**
     * The JDK reads a socket through a temporary direct buffer as large as the read and keeps one per thread: a Kafka
     * fetch response (up to 16 MiB) would stay outside the heap for every consumer thread unless the cache is bounded.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_images_bound_the_direct_buffers_a_thread_keeps(Measured measured) {
        Matcher matcher = Pattern.compile("-Djdk\\.nio\\.maxCachedBufferSize=(\\d+)")
                .matcher(imageJvmOptions(measured.service()));
        assertThat(matcher.find()).as("jdk.nio.maxCachedBufferSize in the JVM line of " + measured.service()).isTrue();
        assertThat(Long.parseLong(matcher.group(1))).isLessThanOrEqualTo(MIB);
    }

    @Test
    void the_reporting_service_has_a_line_of_its_own_and_the_check_catches_a_cap_too_small() {
        String options = imageJvmOptions("reporting-service");
        // the other services keep the parent's line, whose metaspace cap the PDF documents would exceed
        assertThat(imageJvmOptions("survey-service")).isNotEqualTo(options)
                .isEqualTo(property(Repo.path("pom.xml"), "image.jvm-options").orElseThrow());
        assertThat(size(imageJvmOptions("survey-service"), "MaxMetaspaceSize"))
                .isLessThan(MEASURED.get(2).metaspace() * 5 / 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_compose_containers_limit_holds_the_images_caps(Measured measured) {
        JsonNode service = Compose.file(Compose.FILE).path("services").path(measured.service());
        String limit = Compose.interpolate(service.path("mem_limit").asText());
        assertThat(limit).as("mem_limit of " + measured.service()).isNotEmpty();
        assertThat(Compose.environment(service)).as("compose keeps the image's JVM line")
                .doesNotContainKey("JDK_JAVA_OPTIONS");
        assertThat(problems(measured, "docker-compose.yml", bytes(limit), imageJvmOptions(measured.service())))
                .isEmpty();
        assertThat(bytes(limit)).as("mem_limit of " + measured.service() + " over the RSS measured")
                .isGreaterThan(measured.rss());
        // the 320m the services once had would not hold them
        assertThat(problems(measured, "320m", bytes("320m"), imageJvmOptions(measured.service()))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void every_overlays_pod_limit_holds_the_images_caps_and_requests_the_measured_peak(Measured measured) {
        Assumptions.assumeTrue(Command.onPath("kubectl"),
                "SKIPPED: kubectl is not installed; see KustomizeManifestsTest");
        String name = measured.service();
        List<String> problems = new ArrayList<>();
        int deployments = 0;
        for (Path overlay : Manifests.overlays()) {
            Manifests.Rendered rendered = Manifests.render(overlay);
            for (JsonNode deployment : rendered.ofKind("Deployment")) {
                if (!deployment.path("metadata").path("name").asText().equals(name)) {
                    continue;
                }
                deployments++;
                JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
                JsonNode resources = container.path("resources");
                String where = rendered.name() + " " + name;
                long limit = bytes(resources.path("limits").path("memory").asText("0"));
                long request = bytes(resources.path("requests").path("memory").asText("0"));
                // a deployment may override the image's line in its environment or ConfigMap; none does now
                String options = StreamSupport.stream(container.path("env").spliterator(), false)
                        .filter(e -> e.path("name").asText().equals("JDK_JAVA_OPTIONS"))
                        .map(e -> e.path("value").asText()).findFirst()
                        .or(() -> Optional.ofNullable(rendered.one("ConfigMap", name + "-config").path("data")
                                .path("JDK_JAVA_OPTIONS").textValue()))
                        .orElse(imageJvmOptions(name));
                problems.addAll(problems(measured, where, limit, options));
                if (request < measured.rss()) {
                    problems.add(where + ": requests " + request / MIB + " MiB, below the " + measured.rss() / MIB
                            + " MiB measured");
                }
            }
        }
        assertThat(deployments).as("overlays with a " + name + " Deployment").isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }
}
