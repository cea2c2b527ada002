package nl.monitor.reporting.document;

import nl.monitor.domain.scoring.Band;
import nl.monitor.reporting.plan.PlanProgress;
import nl.monitor.reporting.report.RegionView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static nl.monitor.reporting.document.Html.number;

/**
 * A Veilig Thuis region's report for its coordinator as a Dutch PDF/UA-1 document, written from the region view (the
 * same object as its JSON): who took part, the bands, every municipality's total, change and trend, and who has not
 * taken part yet, and the region against the nation.
 */
public final class RegionReportDocument {

    private RegionReportDocument() {
    }

    public static byte[] pdf(RegionView view) {
        String title = "Regiorapport " + view.region() + " " + view.year();
        return PdfDocument.render(title, body(view, title));
    }

    static String trend(RegionView.Trend trend) {
        return switch (trend) {
            case UP -> "hoger";
            case DOWN -> "lager";
            case SAME -> "gelijk";
            case NEW -> "nieuw";
            case NONE -> "niet deelgenomen";
        };
    }

    private static List<String> line(String label, RegionView.Line line) {
        return List.of(label, String.valueOf(line.regionN()), number(line.regionMean()),
                line.nationN() == null ? Html.NONE : String.valueOf(line.nationN()), number(line.nationMean()));
    }

    private static String body(RegionView view, String title) {
        Html b = new Html();
        b.raw("<h1 class=\"sheet\">").raw(Html.text(title)).raw("</h1>");
        List<RegionView.Row> rows = view.municipalities();
        long participated = rows.stream().filter(RegionView.Row::participated).count();
        b.paragraph(participated + " van de " + rows.size() + " gemeenten van de regio hebben in " + view.year()
                + " deelgenomen.");
        b.table("Gemeenten per band", List.of("Band", "Gemeenten"), Arrays.stream(Band.values())
                .map(band -> List.of(FactsheetDocument.band(band),
                        String.valueOf(rows.stream().filter(r -> r.band() == band).count()))).toList());
        b.table("Per gemeente: grootteklasse, totaalscore, band, beantwoorde doelstellingen, vorig jaar met zijn "
                + "totaal, verandering, trend en de stand tegen de eigen doelen", List.of("Gemeente", "Klasse", "Totaal",
                "Band", "Doelen", "Vorig jaar", "Vorig", "Verschil", "Trend", "Eigen doelen"),
                rows.stream().map(r -> List.of(r.name() + " (" + r.municipality() + ")",
                String.valueOf(r.sizeClass()), number(r.total()), FactsheetDocument.band(r.band()),
                r.goalsAnswered() == null ? Html.NONE : String.valueOf(r.goalsAnswered()),
                r.previousYear() == null ? Html.NONE : String.valueOf(r.previousYear()), number(r.previousTotal()),
                number(r.change()), trend(r.trend()), r.targetStatus() == null ? Html.NONE
                        : PlanProgress.label(r.targetStatus()))).toList());
        RegionView.Comparison comparison = view.comparison();
        List<List<String>> lines = new ArrayList<>();
        lines.add(line("Totaalscore", comparison.total()));
        comparison.goals().forEach(g -> lines.add(line(g.goal() + ". " + g.title(), g.line())));
        b.heading(2, "nederland", "De regio en Nederland");
        b.table("Gemiddelde totaalscore en gemiddelde punten per doelstelling van de regio en van Nederland, met het "
                + "aantal gemeenten (" + Html.NONE + ": afgeschermd omdat minder dan drie gemeenten, buiten de regio "
                + "voor Nederland, meetellen)", List.of("Doelstelling", "Regio n", "Regio", "Nederland n",
                "Nederland"), lines);
        List<String> outstanding = rows.stream().filter(r -> !r.participated()).map(RegionView.Row::name).toList();
        b.heading(2, "uitstaand", "Nog niet deelgenomen");
        b.paragraph(outstanding.isEmpty() ? "Alle gemeenten van de regio hebben deelgenomen."
                : String.join(", ", outstanding) + ".");
        return b.toString();
    }
}
