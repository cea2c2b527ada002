package nl.monitor.e2e;

import nl.monitor.testsupport.KafkaBroker;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.TraceCollector;

import java.nio.file.Path;
import java.util.Map;

/**
 * The four packaged services, started once for all end-to-end tests of this JVM against the shared broker and
 * database, exporting their traces to a collector of the tests, and stopped when the JVM ends.
 */
final class RunningPlatform {

    static final Path ROOT = Path.of(System.getProperty("monitor.root", "..")).toAbsolutePath().normalize();
    private static Platform platform;
    private static TraceCollector traces;

    private RunningPlatform() {
    }

    static synchronized Platform get() throws Exception {
        if (platform == null) {
            KafkaBroker kafka = KafkaBroker.shared();
            kafka.createTopics("survey-submitted", "score-computed", "threshold-crossed");
            traces = new TraceCollector();
            platform = Platform.start(ROOT, kafka, PostgresServer.shared(), false, traces.exporterConfig(),
                    ROOT.resolve("end-to-end-tests/target/service-logs"));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-platform"));
        }
        return platform;
    }

    /** The spans the platform's services exported (tracing is on in the end-to-end tests, as in production). */
    static synchronized TraceCollector traces() throws Exception {
        get();
        return traces;
    }
}
