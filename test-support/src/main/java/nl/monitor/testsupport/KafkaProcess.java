package nl.monitor.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) as a separate JVM from the Kafka jars on this
 * test's classpath, on fixed ports of 127.0.0.1 and one data directory: it can be stopped (SIGTERM), killed, and
 * started again where it left off, as an outage of the broker looks to the services.
 * <p>
 * {@link #startSecured} starts it as production runs Kafka: clients connect over {@code SASL_SSL} with SCRAM-SHA-512
 * users created when the storage is formatted, the broker's certificate is signed by a CA made for the test, and the
 * KRaft {@code StandardAuthorizer} refuses whatever no ACL allows ({@link KafkaSecurity}).
 */
public final class KafkaProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path log;
    private final KafkaSecurity security;
    private Process process;

    private KafkaProcess(Path dir, int port, KafkaSecurity security) {
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("broker.log");
        this.security = security;
    }

    /** Formats a fresh data directory under {@code dir} and starts the broker on free ports. */
    public static KafkaProcess start(Path dir) throws IOException, InterruptedException {
        PostgresServer.deleteRecursively(dir);
        Files.createDirectories(dir);
        return format(new KafkaProcess(dir, Platform.freePort(), null));
    }

    /**
     * Formats a fresh data directory under {@code dir} and starts a secured broker on free ports: {@code SASL_SSL}
     * for clients, SCRAM-SHA-512 users {@code users} (name to password) and the super user
     * {@value KafkaSecurity#ADMIN}, ACLs enforced (none yet: add them with {@link #admin()}).
     */
    public static KafkaProcess startSecured(Path dir, Map<String, String> users)
            throws IOException, InterruptedException {
        PostgresServer.deleteRecursively(dir);
        Files.createDirectories(dir);
        return format(new KafkaProcess(dir, Platform.freePort(), KafkaSecurity.create(dir.resolve("tls"), users)));
    }

    private static KafkaProcess format(KafkaProcess kafka) throws IOException, InterruptedException {
        kafka.writeProperties(Platform.freePort());
        List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID()
                .toString().replace("-", "").substring(0, 22), "-c", kafka.properties().toString(), "--standalone"));
        if (kafka.security != null) {
            format.addAll(kafka.security.scramUsersForFormat());
        }
        kafka.run(format, true);
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * The Kafka client properties (without the {@code kafka.} prefix) with which {@code user} connects: the bootstrap
     * servers, and on a secured broker {@code SASL_SSL}, SCRAM-SHA-512 with the user's password and the test CA.
     */
    public Map<String, Object> clientProperties(String user) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (security != null) {
            properties.putAll(security.clientProperties(user));
        }
        return properties;
    }

    /** An admin client as the super user (on a plaintext broker: as anyone). */
    public Admin admin() {
        return admin(5_000, 10_000);
    }

    private Admin admin(int requestTimeoutMs, int apiTimeoutMs) {
        Map<String, Object> properties = new HashMap<>(clientProperties(KafkaSecurity.ADMIN));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeoutMs);
        return Admin.create(properties);
    }

    /** Starts the broker (again) and waits until it answers. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = run(List.of("kafka.Kafka", properties().toString()), false);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = admin(2_000, 3_000)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka not ready within 60 s; see " + log, notYet);
                    }
                }
            }
        }
    }

    /** Stops the broker as an orderly shutdown would (SIGTERM), and waits for it. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Path properties() {
        return dir.resolve("server.properties");
    }

    private void writeProperties(int controllerPort) throws IOException {
        String listener = security == null ? "PLAINTEXT" : "SASL_SSL";
        Files.writeString(properties(), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=" + listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + listener + "://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + listener,
                "listener.security.protocol.map=" + (security == null ? "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                        : security.listenerSecurityProtocolMap()),
                security == null ? "" : security.brokerProperties(),
                "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=12",
                "") + "\n");
    }

    private Process run(List<String> mainAndArgs, boolean waitForIt) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", classpath()));
        command.addAll(mainAndArgs);
        Process started = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (waitForIt && (!started.waitFor(60, TimeUnit.SECONDS) || started.exitValue() != 0)) {
            throw new IllegalStateException(mainAndArgs.get(0) + " failed; see " + log);
        }
        return started;
    }

    /** This JVM's classpath, which holds the Kafka jars (expanded from a manifest-only jar if the runner used one). */
    static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                Manifest manifest = jar.getManifest();
                String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (listed != null) {
                    List<String> files = new ArrayList<>();
                    for (String url : listed.trim().split("\\s+")) {
                        files.add(Path.of(URI.create(url)).toString());
                    }
                    return String.join(File.pathSeparator, files);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classpath;
    }
}
