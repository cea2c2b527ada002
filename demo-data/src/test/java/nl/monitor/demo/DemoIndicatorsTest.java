package nl.monitor.demo;

import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.FigureValidator;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.Indicators;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoIndicatorsTest {

    private static final Map<String, AreaLevel> LEVELS = Map.of("gemeente", AreaLevel.MUNICIPALITY,
            "regio", AreaLevel.REGION, "landelijk", AreaLevel.NATIONAL);

    @Test
    void every_synthetic_figure_is_valid_against_the_indicator_set_and_each_figure_appears_once() {
        String csv = DemoIndicators.csv();
        assertThat(csv).startsWith("\uFEFFindicator;periode;niveau;gebied;abuse-type;waarde\r\n");
        FigureValidator validator = new FigureValidator(Indicators.latest());
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> lines = csv.substring(1).lines().skip(1).toList();
        for (String line : lines) {
            String[] cells = line.split(";", -1);
            IndicatorFigure figure = new IndicatorFigure(cells[0], cells[1], LEVELS.get(cells[2]), cells[3],
                    cells[4].isEmpty() ? Map.of() : Map.of("abuse-type", cells[4]),
                    new BigDecimal(cells[5].replace(',', '.')));
            for (Violation v : validator.validate(figure)) {
                problems.add(line + ": " + v);
            }
            assertThat(seen.add(cells[0] + cells[1] + cells[2] + cells[3] + cells[4])).as(line).isTrue();
        }
        assertThat(problems).isEmpty();
        assertThat(lines).hasSizeGreaterThan(500);
        // some municipal counts are small, so the local run shows suppression
        assertThat(lines).anyMatch(l -> l.contains(";gemeente;") && l.contains(";sexual-abuse;")
                && Integer.parseInt(l.substring(l.lastIndexOf(';') + 1)) < 10);
    }
    @Test
    void the_sample_threshold_is_crossed_up_back_up_and_back_by_the_regions_synthetic_figures() {
        DemoIndicators.Threshold threshold = DemoIndicators.THRESHOLD;
        // the region's own figures of the indicator, totals, in period order (as the table lists them)
        List<String[]> figures = DemoIndicators.csv().substring(1).lines().skip(1).map(l -> l.split(";", -1))
                .filter(c -> c[0].equals(threshold.indicator()) && c[2].equals("regio")
                        && c[3].equals(threshold.region()) && c[4].isEmpty())
                .toList();
        assertThat(figures).extracting(c -> c[1]).containsExactly("2021", "2022", "2023", "2024");
        // The scoring-service's rule (its README): the first figure on the alerting side fires, as does one crossing
        // to it later; one back past the margin resolves.
        BigDecimal quiet = threshold.value().subtract(threshold.margin());
        List<String> crossings = new ArrayList<>();
        boolean alerting = false;
        for (String[] figure : figures) {
            BigDecimal value = new BigDecimal(figure[5].replace(',', '.'));
            if (!alerting && value.compareTo(threshold.value()) > 0) {
                alerting = true;
                crossings.add(figure[1] + " alert " + figure[5]);
            } else if (alerting && value.compareTo(quiet) <= 0) {
                alerting = false;
                crossings.add(figure[1] + " resolved " + figure[5]);
            }
        }
        assertThat(threshold.alertWhen()).isEqualTo("ABOVE");
        assertThat(crossings).containsExactly("2021 alert 24,3", "2022 resolved 20,7", "2023 alert 22,3",
                "2024 resolved 19,3");
        assertThat(threshold.description()).containsIgnoringCase("synthetisch");
    }
}
