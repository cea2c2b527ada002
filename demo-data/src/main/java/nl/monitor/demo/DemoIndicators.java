package nl.monitor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A clearly synthetic set of indicator figures for the local run (issue 28): 2021-2024, the nation, the Veilig Thuis
 * regions Groningen, Drenthe and Fryslân, and their municipalities — Veilig Thuis reports (in total and by type of
 * abuse), advice requests, repeat reports, days from report to help, families in poverty and proven-effective
 * interventions. Made up from a fixed seed around plausible orders of magnitude; not a single figure is real.
 * A table in the Dutch dialect, as a region would deliver it to {@code POST /api/indicator-figures/import}.
 */
public final class DemoIndicators {

    static final String RESOURCE = "nl/monitor/demo/synthetic-indicator-figures.csv";

    private DemoIndicators() {
    }

    /** The table: {@code indicator;periode;niveau;gebied;abuse-type;waarde}, with a byte-order mark, CRLF lines. */
    public static String csv() {
        try (InputStream in = DemoIndicators.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
