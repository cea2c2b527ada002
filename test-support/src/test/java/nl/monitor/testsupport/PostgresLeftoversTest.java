package nl.monitor.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared server's data directory is one JVM's throwaway database (1-2 GB after a benchmark run): a directory left
 * by a JVM that is gone is removed when the next shared server starts there; those of running JVMs, and directories
 * that are not a shared server's, stay.
 */
class PostgresLeftoversTest {

    @Test
    void the_data_of_a_jvm_that_is_gone_is_removed_and_the_rest_stays(@TempDir Path work) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path gone = dataDirectory(work, "data-" + finished.pid());
        Path running = dataDirectory(work, "data-" + ProcessHandle.current().pid());
        Path own = dataDirectory(work, "data"); // PostgresServer.own(...): its caller's
        Path other = dataDirectory(work, "data-notapid");

        assertThat(PostgresServer.removeLeftovers(work)).containsExactly(gone);

        assertThat(gone).doesNotExist();
        assertThat(running.resolve("base/1/1259")).exists();
        assertThat(own.resolve("base/1/1259")).exists();
        assertThat(other.resolve("base/1/1259")).exists();
    }

    @Test
    void a_working_directory_not_made_yet_is_no_error(@TempDir Path work) {
        assertThat(PostgresServer.removeLeftovers(work.resolve("not-yet"))).isEmpty();
    }

    private static Path dataDirectory(Path work, String name) throws Exception {
        Path dir = work.resolve(name);
        Files.createDirectories(dir.resolve("base/1"));
        Files.writeString(dir.resolve("base/1/1259"), "a relation");
        Files.writeString(dir.resolve("PG_VERSION"), "17");
        return dir;
    }
}
