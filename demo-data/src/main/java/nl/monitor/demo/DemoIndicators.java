package nl.monitor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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

    /**
     * The local run's sample threshold of coordinator Groningen, made before the figures are imported: the region's
     * percentage of repeat reports above 22 % (margin 0.5). The synthetic figures (24.3, 20.7, 22.3, 19.3 in
     * 2021-2024) cross it up, back, up and back ({@code DemoIndicatorsTest}), so "Meldingen" shows indicator alerts.
     */
    public static final Threshold THRESHOLD = new Threshold("Groningen", "vt-repeat-reports", new BigDecimal("22"),
            "ABOVE", new BigDecimal("0.5"), "Synthetische demodrempel: hermeldingen regio Groningen boven 22 %");

    /** A coordinator's threshold on an indicator of a region, as the scoring-service takes it. */
    public record Threshold(String region, String indicator, BigDecimal value, String alertWhen, BigDecimal margin,
                            String description) {
    }

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
