package nl.monitor.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server from binaries shipped in a Maven jar (no Docker, no system install), on a port of
 * 127.0.0.1, with one database {@value #DATABASE}, the owner {@value #USER} and the services' runtime role
 * {@value #RUNTIME_USER}: one {@link #shared()} per JVM, stopped and its data directory removed when the JVM exits, or one
 * of a test's {@link #own(Path) own}, which it can {@link #stop()} and {@link #start()} again on the same port and
 * data directory (a database outage as the services see it).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "monitor";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /**
     * The role the services run as: it logs in and may use what the migrations grant it (read and write rows), owns
     * nothing; the migrations run as {@link #USER}, the owner.
     */
    public static final String RUNTIME_USER = "monitor_app";
    public static final String RUNTIME_PASSWORD = "monitor_app";

    /** The data directory of a JVM's shared server: this prefix and the JVM's pid. */
    private static final String SHARED_DATA = "data-";

    private static PostgresServer shared;

    private final Path workingDir;
    private final File dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path workingDir, File dataDir, int port) {
        this.workingDir = workingDir;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** The server of this JVM, started on the first call. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            Path workingDir = Path.of(System.getProperty("monitor.postgres.working-dir", "target/embedded-postgres"));
            removeLeftovers(workingDir);
            shared = create(workingDir, new File(workingDir.toFile(), SHARED_DATA + ProcessHandle.current().pid()));
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                try {
                    deleteRecursively(server.dataDirectory()); // one JVM's throwaway database, 1-2 GB after a benchmark
                } catch (IOException e) {
                    System.err.println("[test-support] Could not remove " + server.dataDirectory() + ": " + e);
                }
            }, "postgres-stop"));
        }
        return shared;
    }

    /**
     * Removes the data directories of shared servers whose JVM is gone without removing its own (killed, or stopped
     * before this rule): {@code data-<pid>} of a process that no longer runs. Those of running JVMs stay.
     *
     * @return the directories removed
     */
    static List<Path> removeLeftovers(Path workingDir) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(workingDir)) {
            return removed;
        }
        try (var entries = Files.list(workingDir)) {
            for (Path dir : entries.toList()) {
                String name = dir.getFileName().toString();
                if (!name.matches(SHARED_DATA + "\\d+")) {
                    continue;
                }
                long pid = Long.parseLong(name.substring(SHARED_DATA.length()));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                deleteRecursively(dir);
                removed.add(dir);
            }
        } catch (IOException e) {
            System.err.println("[test-support] Could not remove old data directories under " + workingDir + ": " + e);
        }
        return removed;
    }

    /** A server of the caller's own, with its data under {@code workingDir}; the caller stops it. */
    public static PostgresServer own(Path workingDir) {
        return create(workingDir, workingDir.resolve("data").toFile());
    }

    private static PostgresServer create(Path workingDir, File dataDir) {
        try {
            long start = System.nanoTime();
            Files.createDirectories(workingDir);
            deleteRecursively(dataDir.toPath());
            PostgresServer server = new PostgresServer(workingDir, dataDir, Platform.freePort());
            server.start();
            try (Connection c = DriverManager.getConnection(server.postgres.getJdbcUrl(USER, "postgres"), USER,
                    PASSWORD); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
                s.execute("CREATE ROLE " + RUNTIME_USER + " LOGIN PASSWORD '" + RUNTIME_PASSWORD + "'");
            }
            System.out.printf("[test-support] PostgreSQL ready on port %d in %d ms%n", server.port,
                    (System.nanoTime() - start) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start PostgreSQL", e);
        }
    }

    /** Starts the server on its port and data directory (initialised on the first start only). */
    public synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workingDir.toFile())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .start();
    }

    /** Stops the server (fast shutdown: open connections are cut); the data stays for {@link #start()}. */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    public Path dataDirectory() {
        return dataDir.toPath();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IOException e) {
            System.err.println("[test-support] PostgreSQL did not stop cleanly: " + e);
        }
    }

    /**
     * Deletes a directory and what it holds. A postmaster that has just stopped may still be removing its own files
     * (its {@code postmaster.pid}) while they are walked: a file gone meanwhile is walked again, a few times.
     */
    static void deleteRecursively(Path path) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (Files.exists(path)) {
                    try (var files = Files.walk(path)) {
                        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
                return;
            } catch (NoSuchFileException | UncheckedIOException e) {
                if (attempt == 5) {
                    throw e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
                }
            }
        }
    }
}
