package nl.monitor.deployment;

import nl.monitor.testsupport.FreePorts;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The compose stack with the offline override, run with podman (shared/INFRA.md, "Containers"): installs what is
 * missing, builds the base and the images (kept between runs while their inputs are unchanged), serves podman's Docker
 * API for docker-compose, runs the health checks podman cannot schedule without systemd, and takes it all down again.
 */
final class ComposeStack implements AutoCloseable {

    private static final String KEYCLOAK_ADMIN_PASSWORD = java.util.UUID.randomUUID().toString();
    static final String BULK_IMPORT_SECRET = java.util.UUID.randomUUID().toString();
    /** The key webhook secrets are encrypted with (id k1, 32 random bytes). */
    static final String WEBHOOK_SECRET_KEYS = "k1:" + java.util.Base64.getEncoder().encodeToString(randomBytes(32));

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** One project per test JVM: two builds on one machine never take down each other's stack. */
    static final String PROJECT = "monitor-smoke-" + ProcessHandle.current().pid();
    private static final Path WORK = Repo.path("deployment-tests/target/compose-smoke");
    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");
    /** The host ports the stack publishes, by the compose variable that moves each; picked free in 18100-18899, never one twice in a run. */
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<String> steps = new ArrayList<>();
    private Process podmanService;
    private ScheduledExecutorService healthChecks;
    private String ipForwardBefore;
    private boolean composeStarted;

    /** Skips (JUnit assumption) only where this machine cannot run containers at all. */
    static void assumeContainersCanRun() {
        boolean root = "0".equals(Command.run(Repo.ROOT, Duration.ofSeconds(10), "id", "-u").output().trim());
        boolean podman = Command.onPath("podman");
        Assumptions.assumeTrue(podman || (root && Command.onPath("apt-get")),
                "SKIPPED compose smoke test: podman is not installed and this user cannot install it "
                        + "(root with apt-get is needed): this machine cannot run containers");
        Assumptions.assumeTrue(root, "SKIPPED compose smoke test: not root; the offline base image needs debootstrap "
                + "and rootful podman (run the build as root, or see deployment-tests/README.md)");
    }

    int port(String variable) {
        return ports.get(variable);
    }

    void up() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        ipForwardBefore = Files.isReadable(IP_FORWARD) ? Files.readString(IP_FORWARD).trim() : null;
        timed("install podman and its networking, runc, debootstrap, docker-compose when missing; preflight",
                () -> script(Duration.ofMinutes(10), "scripts/ensure-podman.sh"));
        timed("base image localhost/debian-jre17", () -> script(Duration.ofMinutes(10), "scripts/build-base-image.sh"));
        timed("service images (Jib)", this::serviceImages);
        for (String variable : List.of("MONITOR_SURVEY_PORT", "MONITOR_SCORING_PORT", "MONITOR_REPORTING_PORT",
                "MONITOR_NOTIFICATION_PORT", "MONITOR_SURVEY_MANAGEMENT_PORT", "MONITOR_SCORING_MANAGEMENT_PORT",
                "MONITOR_REPORTING_MANAGEMENT_PORT", "MONITOR_NOTIFICATION_MANAGEMENT_PORT", "MONITOR_KEYCLOAK_PORT",
                "MONITOR_KAFKA_PORT", "MONITOR_POSTGRES_PORT", "MONITOR_MAIL_PORT", "MONITOR_JAEGER_PORT")) {
            ports.put(variable, freePort());
        }
        startPodmanService();
        startHealthChecks();
        compose(Duration.ofMinutes(3), "down", "--volumes", "--remove-orphans");
        timed("offline images (docker-compose build)", () -> compose(Duration.ofMinutes(20), "build").orFail());
        composeStarted = true;
        timed("docker-compose up -d (until the infrastructure is healthy)",
                () -> compose(Duration.ofMinutes(10), "up", "-d").orFail());
    }

    /** The services' containers, healthy or not, by compose service name. */
    Map<String, String> states() {
        String output = Command.run(Repo.ROOT, Duration.ofSeconds(30), "podman", "ps", "-a", "--filter",
                "label=com.docker.compose.project=" + PROJECT, "--format",
                "{{index .Labels \"com.docker.compose.service\"}}={{.Status}}").output();
        Map<String, String> states = new LinkedHashMap<>();
        output.lines().filter(l -> l.contains("=")).forEach(l -> states.put(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1)));
        return states;
    }

    List<String> steps() {
        return List.copyOf(steps);
    }

    private void serviceImages() {
        String hash = serviceImageInputs();
        Path stamp = Path.of(System.getProperty("user.home"), ".cache/monitor-platform/service-images.sha256");
        boolean present = Repo.SERVICES.stream().allMatch(s -> Command.run(Repo.ROOT, Duration.ofSeconds(30),
                "podman", "image", "exists", Expected.image(s)).ok());
        try {
            if (present && Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(hash)) {
                steps.add("service images unchanged (inputs " + hash.substring(0, 12) + "), not rebuilt");
                return;
            }
            script(Duration.ofMinutes(20), "scripts/build-images.sh");
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, hash);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the service images are made of: the packaged fast-jars (jar entries by name and CRC, so a rebuild with new
     * timestamps but the same content counts as unchanged), the root pom (the Jib configuration) and the base image.
     * Quarkus's generated-bytecode.jar differs from build to build for the same sources; it follows from the hashed
     * application and dependency jars, so it is left out.
     */
    private static String serviceImageInputs() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(Repo.path("pom.xml")));
            digest.update(Command.run(Repo.ROOT, Duration.ofSeconds(30), "podman", "image", "inspect", "--format",
                    "{{.Id}}", "localhost/debian-jre17").output().getBytes(StandardCharsets.UTF_8));
            for (String service : Repo.SERVICES) {
                Path app = Repo.path(service + "/target/quarkus-app");
                if (!Files.isDirectory(app)) {
                    throw new AssertionError(app + " is missing: the services are packaged before this module runs");
                }
                try (Stream<Path> files = Files.walk(app)) {
                    for (Path file : files.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().equals("generated-bytecode.jar")).sorted().toList()) {
                        digest.update(app.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        if (file.toString().endsWith(".jar")) {
                            try (ZipFile zip = new ZipFile(file.toFile())) {
                                zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(e -> digest.update(
                                        (e.getName() + ":" + e.getCrc() + ";").getBytes(StandardCharsets.UTF_8)));
                            }
                        } else {
                            try (InputStream in = Files.newInputStream(file)) {
                                digest.update(in.readAllBytes());
                            }
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startPodmanService() throws IOException, InterruptedException {
        Path socket = WORK.resolve("podman.sock");
        Files.deleteIfExists(socket);
        podmanService = new ProcessBuilder("podman", "system", "service", "--time=0", "unix://" + socket)
                .redirectErrorStream(true).redirectOutput(WORK.resolve("podman-service.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(socket)) {
            if (!podmanService.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("podman system service did not open " + socket + ": "
                        + Files.readString(WORK.resolve("podman-service.log")));
            }
            podmanService.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    /** No systemd here: podman never runs HEALTHCHECKs itself, so this loop does, every 2 s (INFRA.md). */
    private void startHealthChecks() {
        healthChecks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "podman-healthchecks");
            thread.setDaemon(true);
            return thread;
        });
        healthChecks.scheduleWithFixedDelay(() -> {
            String ids = Command.run(Repo.ROOT, Duration.ofSeconds(20), "podman", "ps", "-q", "--filter",
                    "label=com.docker.compose.project=" + PROJECT).output();
            ids.lines().map(String::trim).filter(id -> id.matches("[0-9a-f]{12,64}")).forEach(id ->
                    Command.run(Repo.ROOT, Duration.ofSeconds(20), "podman", "healthcheck", "run", id));
        }, 0, 2, TimeUnit.SECONDS);
    }

    Command.Result compose(Duration deadline, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", PROJECT, "-f", Compose.FILE, "-f",
                Compose.OFFLINE));
        command.addAll(List.of(arguments));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DOCKER_HOST", "unix://" + WORK.resolve("podman.sock"));
        environment.put("COMPOSE_HTTP_TIMEOUT", "600");
        // The test's webhook receiver listens on this host over plain http.
        environment.put("MONITOR_WEBHOOK_REQUIRE_HTTPS", "false");
        environment.put("MONITOR_WEBHOOK_ALLOWED_HOSTS", "host.containers.internal");
        // The settings compose refuses to start without: fresh ones for each run.
        environment.put("MONITOR_KEYCLOAK_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
        environment.put("MONITOR_BULK_IMPORT_CLIENT_SECRET", BULK_IMPORT_SECRET);
        environment.put("MONITOR_WEBHOOK_SECRET_KEYS", WEBHOOK_SECRET_KEYS);
        ports.forEach((variable, port) -> environment.put(variable, String.valueOf(port)));
        return Command.run(Repo.ROOT, environment, deadline, command);
    }

    private void script(Duration deadline, String script) {
        Command.run(Repo.ROOT, Map.of(), deadline, List.of("bash", script)).orFail();
    }

    private void timed(String step, Runnable action) {
        long start = System.nanoTime();
        action.run();
        steps.add(step + ": " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
    }

    /** A port on every host interface that no other pick of this run had (the containers call back to it). */
    static int freeReceiverPort() {
        return freePort();
    }

    private static int freePort() {
        return FreePorts.ALL_INTERFACES.next();
    }

    /** Takes everything down (also after a failure), keeps the logs, and puts ip_forward back as it was. */
    @Override
    public void close() {
        try {
            if (composeStarted) {
                Command.Result logs = compose(Duration.ofMinutes(2), "logs", "--no-color", "--tail", "300");
                Files.writeString(WORK.resolve("compose.log"), logs.output());
                compose(Duration.ofMinutes(3), "down", "--volumes", "--remove-orphans", "--timeout", "10");
            }
        } catch (IOException e) {
            steps.add("could not keep the compose logs: " + e);
        } finally {
            if (healthChecks != null) {
                healthChecks.shutdownNow();
            }
            String leftovers = Command.run(Repo.ROOT, Duration.ofSeconds(30), "podman", "ps", "-aq", "--filter",
                    "label=com.docker.compose.project=" + PROJECT).output().trim();
            if (!leftovers.isEmpty()) {
                List<String> remove = new ArrayList<>(List.of("podman", "rm", "-f"));
                remove.addAll(List.of(leftovers.split("\\s+")));
                Command.run(Repo.ROOT, Map.of(), Duration.ofMinutes(2), remove);
            }
            if (podmanService != null) {
                podmanService.descendants().forEach(ProcessHandle::destroy);
                podmanService.destroy();
                try {
                    if (!podmanService.waitFor(10, TimeUnit.SECONDS)) {
                        podmanService.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    podmanService.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            restoreIpForward();
        }
    }

    private void restoreIpForward() {
        try {
            if (ipForwardBefore != null && !Files.readString(IP_FORWARD).trim().equals(ipForwardBefore)) {
                Files.writeString(IP_FORWARD, ipForwardBefore);
            }
        } catch (IOException e) {
            steps.add("could not restore net.ipv4.ip_forward=" + ipForwardBefore + ": " + e);
        }
    }
}
