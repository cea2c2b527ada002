package nl.monitor.reporting.document;

import nl.monitor.domain.scoring.Band;
import nl.monitor.reporting.plan.PlanProgress;
import nl.monitor.reporting.report.MunicipalityCard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static nl.monitor.reporting.document.Html.number;
import static nl.monitor.reporting.document.Html.percent;

/**
 * A municipality's factsheet for a year as a Dutch PDF/UA-1 document of one or two pages, written from its card (the
 * same object the card's JSON is, with the caller's suppression already applied): total and band, per goal the points
 * against the size class, region and country and the change since the comparison year, per goal and component the
 * points against the previous year and the three groups' means, and the advice.
 */
public final class FactsheetDocument {

    private FactsheetDocument() {
    }

    public static byte[] pdf(MunicipalityCard card) {
        String title = "Factsheet " + card.name() + " " + card.year();
        return PdfDocument.render(title, body(card, title));
    }

    static String band(Band band) {
        return band == null ? Html.NONE : switch (band) {
            case GREEN -> "groen";
            case ORANGE -> "oranje";
            case RED -> "rood";
        };
    }

    private static MunicipalityCard.Parts own(MunicipalityCard.Goal goal) {
        return new MunicipalityCard.Parts(goal.borging(), goal.inhoud(), goal.bereik());
    }

    private static Double part(String component, MunicipalityCard.Parts parts) {
        return parts == null ? null : switch (component) {
            case "borging" -> parts.borging();
            case "inhoud" -> parts.inhoud();
            default -> parts.bereik();
        };
    }

    /**
     * The municipality's own targets against the year's results (the card's {@code plan}), and its actions; a
     * sentence when it has no plan.
     */
    private static void plan(Html b, MunicipalityCard card) {
        PlanProgress plan = card.plan();
        b.heading(2, "eigen-doelen", "Eigen doelen en acties");
        if (plan == null || plan.version() == 0) {
            b.paragraph(card.name() + " heeft geen eigen doelen vastgelegd.");
            return;
        }
        b.paragraph("Stand " + card.year() + ": " + PlanProgress.label(plan.status()) + " (plan versie "
                + plan.version() + "). Een doel is gehaald of niet gehaald zodra het doeljaar bereikt is; daarvoor "
                + "op koers als het resultaat ten minste de rechte lijn van de eerste meting naar het doel volgt.");
        List<List<String>> rows = new ArrayList<>();
        for (PlanProgress.GoalTarget g : plan.goals()) {
            rows.add(List.of("Doelstelling " + g.goal() + (g.title() == null ? "" : ". " + g.title()),
                    String.valueOf(g.targetYear()), number(g.target()), number(g.result()), number(g.expected()),
                    PlanProgress.label(g.status())));
        }
        for (PlanProgress.IndicatorTarget i : plan.indicators()) {
            String breakdown = i.breakdown().isEmpty() ? "" : " (" + String.join(", ", i.breakdown().values()) + ")";
            rows.add(List.of("Indicator: " + i.title() + breakdown, String.valueOf(i.targetYear()),
                    number(i.target()), number(i.result()), number(i.expected()), PlanProgress.label(i.status())));
        }
        if (!rows.isEmpty()) {
            b.table("Resultaat " + card.year() + " tegen de eigen doelen (" + Html.NONE + ": geen resultaat of geen "
                            + "koers)", List.of("Doel", "Doeljaar", "Doelwaarde", "Resultaat " + card.year(),
                            "Koers " + card.year(), "Stand"), rows, "dense");
        }
        if (!plan.actions().isEmpty()) {
            b.table("Acties", List.of("Actie", "Gereed in"), plan.actions().stream().map(a -> List.of(a.text(),
                    a.dueYear() == null ? Html.NONE : String.valueOf(a.dueYear()))).toList(), "dense");
        }
    }

    private static String body(MunicipalityCard card, String title) {
        Html b = new Html();
        b.raw("<h1 class=\"sheet\">").raw(Html.text(title)).raw("</h1>");
        b.paragraph(card.name() + " (" + card.municipality() + "), Veilig Thuis-regio " + card.region()
                + ", grootteklasse " + card.sizeClassLabel() + ". Componenten: " + String.join(", ", card.components())
                + " (ten hoogste " + number(card.maximum()) + " punten per doelstelling).");
        MunicipalityCard.Summary total = card.total();
        String since = card.previousYear() == null ? "Verandering" : "Verandering sinds " + card.previousYear();
        b.table("Totaalscore", List.of("Totaal", "Punten", "Percentage", "Band", "Doelstellingen beantwoord", since),
                List.of(List.of("Totaal " + card.year(), number(total.points()), percent(total.percent()),
                        band(total.band()), String.valueOf(total.goalsAnswered()), number(total.change()))));
        List<MunicipalityCard.Goal> goals = card.goals();
        List<String> labels = goals.stream().map(g -> String.valueOf(g.goal())).toList();
        List<Charts.Series> series = List.of(
                new Charts.Series(card.name(), goals.stream().map(MunicipalityCard.Goal::points).toList()),
                new Charts.Series("Grootteklasse", goals.stream().map(MunicipalityCard.Goal::sizeClassMean).toList()),
                new Charts.Series("Regio", goals.stream().map(MunicipalityCard.Goal::regionMean).toList()),
                new Charts.Series("Nederland", goals.stream().map(MunicipalityCard.Goal::countryMean).toList()));
        String alt = "Staafdiagram van de punten per doelstelling van " + card.name() + " naast de gemiddelden van "
                + "grootteklasse, regio en Nederland: " + String.join("; ", goals.stream().map(g -> "doelstelling "
                + g.goal() + " " + number(g.points()) + ", grootteklasse " + number(g.sizeClassMean()) + ", regio "
                + number(g.regionMean()) + ", Nederland " + number(g.countryMean())).toList())
                + " (" + Html.NONE + ": niet beantwoord of afgeschermd)";
        b.figure("Figuur: punten per doelstelling", Charts.bars("Punten", labels, series), alt);
        b.table("Per doelstelling (" + Html.NONE + ": niet beantwoord, of afgeschermd omdat minder dan drie andere "
                        + "gemeenten meetellen)", List.of("Doelstelling", "Punten", "%", "Band", since, "Grootteklasse",
                        "Regio", "Nederland"), goals.stream().map(g -> List.of(g.goal() + ". " + g.title(),
                        number(g.points()), percent(g.percent()), band(g.band()), number(g.change()),
                        number(g.sizeClassMean()), number(g.regionMean()), number(g.countryMean()))).toList());
        String before = card.previousYear() == null ? "Vorig jaar" : String.valueOf(card.previousYear());
        List<List<String>> parts = new ArrayList<>();
        for (MunicipalityCard.Goal g : goals) {
            for (String component : List.of("borging", "inhoud", "bereik")) {
                parts.add(List.of(g.goal() + " " + component, number(part(component, own(g))),
                        number(part(component, g.previousParts())), number(part(component, g.sizeClassParts())),
                        number(part(component, g.regionParts())), number(part(component, g.countryParts()))));
            }
        }
        b.table("Per doelstelling en component: de punten van " + card.name() + ", in " + before + ", en de "
                + "gemiddelden van grootteklasse, regio en Nederland (" + Html.NONE + ": niet beantwoord, of "
                + "afgeschermd)", List.of("Doelstelling en component", card.name(), before, "Grootteklasse", "Regio",
                "Nederland"), parts, "dense");
        b.heading(2, "advies", "Advies: de zwakste doelstellingen");
        for (MunicipalityCard.Advice advice : card.advice()) {
            String caption = "Doelstelling " + advice.goal() + ": " + advice.title() + " (" + number(advice.points())
                    + " punten)";
            if (advice.suppressed() || advice.measures().isEmpty()) {
                b.paragraph(caption + ": " + (advice.suppressed()
                        ? "te weinig andere gemeenten van de grootteklasse om maatregelen te tonen."
                        : "geen maatregelen die andere gemeenten van de grootteklasse meer inzetten."));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (MunicipalityCard.PeerMeasure m : advice.measures()) {
                rows.add(Arrays.asList(m.categoryLabel() + ": " + m.label(), String.valueOf(m.peers()),
                        String.valueOf(m.peersAnswered()), percent(m.percent())));
            }
            b.table(caption + " — maatregelen die andere gemeenten van de grootteklasse inzetten",
                    List.of("Maatregel", "Gemeenten", "Van", "%"), rows, "dense");
        }
        plan(b, card);
        return b.toString();
    }
}
