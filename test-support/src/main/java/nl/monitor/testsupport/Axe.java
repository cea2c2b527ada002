package nl.monitor.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * axe-core (vendored, see {@code axe-core/README.md}) for the browser tests: inject {@link #source()} into the page
 * with the WebDriver's {@code executeScript}, then run {@link #RUN} with {@code executeAsyncScript}; it answers the
 * violations of WCAG 2.0/2.1 A and AA as a list of maps (id, impact, help, nodes with their targets).
 * No Selenium dependency here: each test module passes its own driver's results to {@link #serious}.
 */
public final class Axe {

    public static final String VERSION = "4.14.1";

    /** Async script: runs axe on the whole document, calls back with its violations. */
    public static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                resultTypes: ['violations'] })
              .then(result => done(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }))))
              .catch(error => done([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: [] }]));
            """;

    private static String source;

    private Axe() {
    }

    /** The axe-core script, to run in the page before {@link #RUN}. */
    public static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe-core/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core/axe.min.js is not on the classpath");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** The serious and critical violations of what {@link #RUN} answered, one line each, for an assertion message. */
    @SuppressWarnings("unchecked")
    public static List<String> serious(Object violations) {
        return ((List<Map<String, Object>>) violations).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + " (" + v.get("help") + "): " + v.get("nodes"))
                .toList();
    }
}
