package nl.monitor.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged Monitor service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own JVM, as in
 * production; its output goes to a log file. {@link #stop()} ends it and everything it started.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Ports ports;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Ports ports, Process process, Path log) {
        this.name = name;
        this.ports = ports;
        this.process = process;
        this.log = log;
    }

    /**
     * The two ports of a service: the public one (APIs, pages, OpenAPI) and the management interface (health,
     * metrics), which the public one does not serve.
     */
    public record Ports(int http, int management) {
    }

    /**
     * Starts the service's packaged jar with the given configuration as environment-style system properties.
     *
     * @param jar    the {@code quarkus-run.jar}
     * @param config Quarkus configuration (e.g. {@code kafka.bootstrap.servers}), passed as {@code -D} options; a key
     *               in environment-variable form ({@code KAFKA_SECURITY_PROTOCOL}) is set in the process environment
     */
    public static ServiceProcess start(String name, Path jar, Ports ports, Map<String, String> config, Path logDir)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package -DskipTests)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Sized for little resident memory: the heap starts small, grows only when less than 10 % is free after a
        // collection and gives back what is more than 30 % free (serial GC); glibc's free memory is returned every
        // 5 s. Metaspace, code cache, thread stacks and direct buffers capped (benchmarks/README.md: what RSS holds).
        // The JDK reads a socket through a temporary direct buffer as large as the read (a Kafka fetch response, up to
        // fetch.max.bytes) and keeps one per thread: two threads' 16 MB buffers filled the 32 MB cap and the
        // reporting-service's consumer failed every poll with "Cannot reserve ... bytes of direct buffer memory" under
        // a backlog (the benchmark with a warm-up of 24,000). Buffers over 256 KB are now freed after each read.
        // The reporting-service renders the PDF documents (openhtmltopdf, PDFBox, JFreeChart on AWT): with 112 MB of
        // metaspace it died of OutOfMemoryError: Metaspace on its first yearly report (Report2017IT).
        boolean documents = name.startsWith("reporting-service");
        command.addAll(List.of("-Xms48m", documents ? "-Xmx256m" : "-Xmx160m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-XX:TrimNativeHeapInterval=5000",
                documents ? "-XX:MaxMetaspaceSize=256m" : "-XX:MaxMetaspaceSize=112m", "-XX:ReservedCodeCacheSize=48m",
                "-Xss512k", "-XX:MaxDirectMemorySize=32m", "-Djdk.nio.maxCachedBufferSize=262144", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        // e.g. -Dmonitor.service.jvm-options=-XX:StartFlightRecording=filename=target/x.jfr to profile the services
        String extra = System.getProperty("monitor.service.jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.replace("{name}", name).split("\\s+")));
        }
        command.add("-Dquarkus.http.port=" + ports.http());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + ports.management());
        command.add("-Dquarkus.management.host=127.0.0.1");
        config.forEach((key, value) -> {
            if (!isEnvironmentVariable(key)) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // Keys in environment-variable form (KAFKA_SASL_JAAS_CONFIG) reach the service as a container's would.
        config.forEach((key, value) -> {
            if (isEnvironmentVariable(key)) {
                builder.environment().put(key, value);
            }
        });
        // glibc's per-thread malloc arenas add tens of MB of resident memory to a JVM for nothing
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        return new ServiceProcess(name, ports, process, log);
    }

    private static boolean isEnvironmentVariable(String key) {
        return key.matches("[A-Z][A-Z0-9_]*");
    }

    /**
     * Waits until {@code /q/health/ready} on the management port answers 200, or fails with the tail of the log after
     * the deadline.
     */
    public ServiceProcess awaitReady(Duration deadline) throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYetListening) {
                // keep waiting until the deadline
            }
            // often enough that the benchmark's start figure is not a quarter of a second late
            process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " not ready within " + deadline + ":\n" + tail());
    }

    public String name() {
        return name;
    }

    public Ports ports() {
        return ports;
    }

    /** The public port: APIs, pages and the OpenAPI document. */
    public String url() {
        return "http://127.0.0.1:" + ports.http();
    }

    /** The management interface: {@code /q/health}, {@code /q/metrics}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + ports.management();
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the service at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the service (SIGTERM, then SIGKILL after 30 s, beyond the consumer's 20 s drain) and any process it
     * started; true when it ended by itself.
     */
    public boolean stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
