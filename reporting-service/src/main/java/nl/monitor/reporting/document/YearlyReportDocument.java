package nl.monitor.reporting.document;

import nl.monitor.reporting.report.DistributionReport;
import nl.monitor.reporting.report.DocumentsReport;
import nl.monitor.reporting.report.DivisionMapping;
import nl.monitor.reporting.report.ExtrasReport;
import nl.monitor.reporting.report.GoalScoresReport;
import nl.monitor.reporting.report.MeasuresReport;
import nl.monitor.reporting.report.ParticipationReport;
import nl.monitor.reporting.report.PolicyInclusionReport;
import nl.monitor.reporting.report.YearlyReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static nl.monitor.reporting.document.Html.number;
import static nl.monitor.reporting.document.Html.percent;

/**
 * The yearly report as a Dutch, tagged PDF/UA-1 document (openhtmltopdf on PDFBox): written as XHTML from the same
 * report objects the JSON endpoints return, in the 2017 report's order, with a table of contents, a methods page,
 * page numbers, charts with alternative texts, and the fonts embedded. No figure is computed here.
 */
public final class YearlyReportDocument {

    private YearlyReportDocument() {
    }

    public static byte[] pdf(YearlyReport report) {
        String title = title(report);
        return PdfDocument.render(title, body(report, title));
    }

    static String title(YearlyReport report) {
        return "Monitor preventieve aanpak kindermishandeling " + report.year()
                + (report.compareWith() == null ? "" : " (vergeleken met " + report.compareWith() + ")")
                + (report.region() == null ? "" : ", regio " + report.region());
    }

    /** The document's body as XHTML. */
    static String body(YearlyReport report, String title) {
        Html body = new Html();
        body.raw("<h1 class=\"title\">").raw(Html.text(title)).raw("</h1>");
        body.paragraph("Gegenereerd door het Monitor-platform uit dezelfde cijfers als de rapportages in JSON.");
        List<String[]> sections = new ArrayList<>();
        Html chapters = new Html();
        section(chapters, sections, "methode", "Methode", b -> methods(b, report));
        section(chapters, sections, "respons", "Respons (Tabel 3.1)", b -> response(b, report.participation()));
        for (GoalScoresReport.Goal goal : report.goalScores().goals()) {
            MeasuresReport.Goal measures = report.measures().goals().stream()
                    .filter(m -> m.goal() == goal.goal()).findFirst().orElse(null);
            section(chapters, sections, "doel-" + goal.goal(), "Doelstelling " + goal.goal() + ": " + goal.title(),
                    b -> goal(b, goal, measures));
        }
        section(chapters, sections, "beleid", "Borging: opname in beleid (Tabel 4.11) en documenten",
                b -> {
                    policy(b, report.policyInclusion());
                    documents(b, report.documents());
                });
        section(chapters, sections, "grootteklassen", "Scores per grootteklasse (Figuur 4.11)",
                b -> sizeClasses(b, report.participation()));
        section(chapters, sections, "beoordeling", "Eigen beoordeling en verdeling (Tabel 4.12, Figuur 4.12)",
                b -> grades(b, report.extras(), report.distribution()));
        if (!report.extras().years().isEmpty() && !report.extras().years().get(0).questions().isEmpty()) {
            section(chapters, sections, "extra", "Extra vragen (Tabel 4.13, 4.14 en Bijlage 2)",
                    b -> extraQuestions(b, report.extras()));
        }
        body.heading(1, "inhoud", "Inhoudsopgave");
        body.raw("<table class=\"toc\"><caption>Hoofdstukken en hun pagina</caption><thead><tr>"
                + "<th scope=\"col\">Hoofdstuk</th><th scope=\"col\">Pagina</th></tr></thead><tbody>");
        for (String[] s : sections) {
            body.raw("<tr><th scope=\"row\">").raw(Html.text(s[1])).raw("</th><td><a class=\"page\" href=\"#")
                    .raw(s[0]).raw("\" title=\"").raw(Html.text(s[1])).raw("\"></a></td></tr>");
        }
        body.raw("</tbody></table>");
        body.raw(chapters.toString());
        return body.toString();
    }

    private static void section(Html chapters, List<String[]> sections, String id, String title,
                                java.util.function.Consumer<Html> content) {
        sections.add(new String[]{id, title});
        chapters.heading(1, id, title);
        content.accept(chapters);
    }

    private static void methods(Html b, YearlyReport report) {
        b.paragraph("Dit rapport beschrijft het jaar " + report.year()
                + (report.compareWith() == null ? "" : ", vergeleken met " + report.compareWith())
                + (report.region() == null ? ", landelijk." : ", voor de Veilig Thuis-regio " + report.region() + "."));
        b.paragraph("Vragenlijst versie " + report.questionnaireVersion() + "; scoringsregels versie "
                + report.rulesVersion() + ". Per doelstelling tellen borging, inhoud en bereik samen tot ten hoogste "
                + "100 punten; gemiddelden op één decimaal, percentages in hele procenten (half naar boven).");
        for (ParticipationReport.YearDivision d : report.participation().divisions()) {
            b.paragraph(d.year() + ": gemeentelijke indeling van 1 januari " + d.divisionYear() + " (" + d.invited()
                    + " gemeenten uitgenodigd)." + (d.exact() ? "" : " De indeling van 1 januari "
                    + d.intendedDivisionYear() + " wordt niet meegeleverd; de laatste eerdere is gebruikt.")
                    + (d.outsideDivision() == 0 ? "" : " " + d.outsideDivision()
                    + " deelnemers vallen buiten deze indeling."));
        }
        if (report.goalScores().mapping() != null) {
            b.paragraph("Herindelingen: " + mergers(report.goalScores().mapping()));
        }
        b.paragraph("Cijfers over minder dan drie gemeenten worden voor respondenten en coördinatoren afgeschermd ("
                + Html.NONE + ").");
    }

    /** The mapping's note in Dutch, from its fields (the JSON's {@code note} is English). */
    private static String mergers(DivisionMapping mapping) {
        if (mapping.divisionYear() == mapping.earlierDivisionYear()) {
            return "beide jaren zijn geteld in de gemeentelijke indeling van 1 januari " + mapping.divisionYear()
                    + "; elke gemeente wordt met zichzelf vergeleken.";
        }
        return mapping.mapped()
                ? "de cijfers van " + mapping.compareWith() + " gaan over de gemeenten van 1 januari "
                + mapping.earlierDivisionYear() + "; " + mapping.folds().size() + " gemeenten van 1 januari "
                + mapping.divisionYear() + " omvatten eerdere codes (samengevoegd of hernoemd), hun eerdere scores als "
                + "het naar inwoners gewogen gemiddelde van die codes."
                : "er is geen vertaling van de indeling van 1 januari " + mapping.earlierDivisionYear()
                + " naar die van 1 januari " + mapping.divisionYear() + " meegeleverd (herindelingen zijn bekend tot "
                + "2021); de codes worden vergeleken zoals ze zijn.";
    }

    private static void response(Html b, ParticipationReport participation) {
        b.table("Tabel 3.1: respons per grootteklasse", List.of("Grootteklasse", "Jaar", "Uitgenodigd",
                "Deelgenomen", "Respons"), rows(participation.sizeClasses(), row -> row.years().stream()
                .map(y -> List.of(row.label(), String.valueOf(y.year()), String.valueOf(y.invited()),
                        String.valueOf(y.participated()), percent(y.percent()))).toList()));
    }

    private static void goal(Html b, GoalScoresReport.Goal goal, MeasuresReport.Goal measures) {
        List<String> components = List.of("Borging", "Inhoud", "Bereik", "Totaal");
        List<Charts.Series> series = goal.years().stream().map(y -> new Charts.Series(String.valueOf(y.year()),
                java.util.Arrays.asList(y.meanBorging(), y.meanInhoud(), y.meanBereik(), y.meanTotal()))).toList();
        String alt = "Staafdiagram van de gemiddelde score van doelstelling " + goal.goal() + " per component: "
                + String.join("; ", goal.years().stream().map(y -> y.year() + " borging " + number(y.meanBorging())
                + ", inhoud " + number(y.meanInhoud()) + ", bereik " + number(y.meanBereik()) + ", totaal "
                + number(y.meanTotal()) + " (n = " + y.n() + ")").toList());
        b.figure("Figuur: score doelstelling " + goal.goal() + " per component",
                Charts.bars("Gemiddelde punten", components, series), alt);
        b.table("Gemiddelde scores doelstelling " + goal.goal(), List.of("Jaar", "n", "Borging", "Inhoud", "Bereik",
                "Totaal"), goal.years().stream().map(y -> List.of(String.valueOf(y.year()), String.valueOf(y.n()),
                number(y.meanBorging()), number(y.meanInhoud()), number(y.meanBereik()), number(y.meanTotal())))
                .toList());
        if (measures == null) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("Maatregel"));
        measures.respondents().forEach(r -> {
            header.add("N " + r.year());
            header.add("% " + r.year());
        });
        List<List<String>> rows = new ArrayList<>();
        for (MeasuresReport.Category category : measures.categories()) {
            for (MeasuresReport.Option option : category.options()) {
                List<String> row = new ArrayList<>(List.of(category.label().replaceAll(":\\s*$", "") + ": "
                        + option.label()));
                option.years().forEach(y -> {
                    row.add(y.n() == null ? Html.NONE : String.valueOf(y.n()));
                    row.add(percent(y.percent()));
                });
                rows.add(row);
            }
        }
        b.table("Tabel 4." + goal.goal() + ": beleidsmaatregelen (respondenten: " + String.join(", ",
                measures.respondents().stream().map(r -> r.year() + " " + r.n()).toList()) + ")", header, rows);
    }

    private static void policy(Html b, PolicyInclusionReport policy) {
        b.table("Tabel 4.11: doelstellingen opgenomen in beleid", List.of("Doelstelling", "Jaar", "Opgenomen",
                "Respondenten", "Percentage"), rows(policy.goals(), g -> g.years().stream()
                .map(y -> List.of(g.goal() + ". " + g.title(), String.valueOf(y.year()),
                        y.included() == null ? Html.NONE : String.valueOf(y.included()), String.valueOf(y.respondents()),
                        percent(y.percent()))).toList()));
    }

    /** Borging: the documents the goals are laid down in, share of all mentions (seed 000 §4). */
    private static void documents(Html b, DocumentsReport documents) {
        b.paragraph("Borging: in welk document is de doelstelling vastgelegd? Per soort document het aantal "
                + "vastgelegde doelstellingen dat het noemt, als percentage van alle genoemde documenten en van de "
                + "vastgelegde doelstellingen (" + String.join("; ", documents.years().stream()
                .map(y -> y.year() + ": " + (y.suppressed() ? Html.NONE : y.goalsLaidDown() + " vastgelegd, "
                        + y.mentions() + " keer een document genoemd")).toList()) + ").");
        b.table("Borging: documenten waarin de doelstellingen zijn vastgelegd", List.of("Document", "Jaar",
                "Genoemd", "% van genoemd", "% van vastgelegd"), rows(documents.documents(), d -> d.years().stream()
                .map(y -> List.of(d.label(), String.valueOf(y.year()),
                        y.n() == null ? Html.NONE : String.valueOf(y.n()), percent(y.percent()),
                        percent(y.percentOfGoalsLaidDown()))).toList()));
    }

    private static void sizeClasses(Html b, ParticipationReport participation) {
        List<ParticipationReport.SizeClassRow> classes = participation.sizeClasses();
        List<String> labels = classes.stream().map(ParticipationReport.SizeClassRow::label).toList();
        List<Integer> years = classes.get(0).years().stream().map(ParticipationReport.YearParticipation::year)
                .toList();
        List<Charts.Series> series = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            int at = i;
            series.add(new Charts.Series(String.valueOf(years.get(i)),
                    classes.stream().map(c -> c.years().get(at).meanTotal()).toList()));
        }
        String alt = "Staafdiagram van de gemiddelde totaalscore per grootteklasse: " + String.join("; ",
                classes.stream().map(c -> c.label() + " " + String.join(", ", c.years().stream()
                        .map(y -> y.year() + " " + number(y.meanTotal())).toList())).toList());
        b.figure("Figuur 4.11: totaalscore per grootteklasse", Charts.bars("Gemiddelde totaalscore", labels, series),
                alt);
        b.table("Gemiddelde totaalscore per grootteklasse", List.of("Grootteklasse", "Jaar", "Deelgenomen",
                "Gemiddelde"), rows(classes, c -> c.years().stream().map(y -> List.of(c.label(),
                String.valueOf(y.year()), String.valueOf(y.participated()), number(y.meanTotal()))).toList()));
    }

    private static void grades(Html b, ExtrasReport extras, DistributionReport distribution) {
        b.table("Tabel 4.12: eigen beoordeling van het gemeentelijk beleid (rapportcijfer)", List.of("Beleid", "Jaar",
                "n", "Gemiddelde"), rows(extras.years(), y -> y.grades().stream().map(g -> List.of(g.label(),
                String.valueOf(y.year()), String.valueOf(g.n()), number(g.mean()))).toList()));
        b.table("Figuur 4.12: samenhang huidig rapportcijfer en totaalscore (Pearson, tweezijdige p-waarde)",
                List.of("Jaar", "n", "r", "p"), extras.years().stream().map(y -> List.of(String.valueOf(y.year()),
                        String.valueOf(y.correlation().n()), number(y.correlation().r()), number(y.correlation().p())))
                        .toList());
        scatter(b, extras);
        b.table("Verdeling van de totaalscores (onder " + number(distribution.redBelow()) + " en boven "
                        + number(distribution.greenAbove()) + " punten)", List.of("Jaar", "n", "Onder", "%", "Boven", "%",
                        "Geen doel in beleid", "%"), distribution.years().stream().map(y -> List.of(
                        String.valueOf(y.year()), String.valueOf(y.n()), number(y.below()), percent(y.belowPercent()),
                        number(y.above()), percent(y.abovePercent()), number(y.noGoalInPolicy()),
                        percent(y.noGoalInPolicyPercent()))).toList());
    }

    /**
     * Figuur 4.12 drawn: the current grade against the total of every municipality, a colour per year, with the
     * points in the alternative text per grade. Only when the report holds the points (a caller who sees everything):
     * otherwise a sentence says why it is left out.
     */
    private static void scatter(Html b, ExtrasReport extras) {
        if (extras.years().stream().anyMatch(y -> y.correlation().points() == null)) {
            b.paragraph("Het spreidingsdiagram van Figuur 4.12 toont afzonderlijke gemeenten en staat alleen in het "
                    + "rapport voor analisten; n, r en p staan hierboven.");
            return;
        }
        List<Charts.Points> series = extras.years().stream().map(y -> new Charts.Points(String.valueOf(y.year()),
                y.correlation().points().stream().map(p -> new double[] {p.grade(), p.total()}).toList())).toList();
        List<String> perYear = new ArrayList<>();
        for (ExtrasReport.YearExtras y : extras.years()) {
            Map<Integer, List<String>> byGrade = new TreeMap<>();
            y.correlation().points().forEach(p -> byGrade.computeIfAbsent(p.grade(), g -> new ArrayList<>())
                    .add(number(p.total())));
            perYear.add(y.year() + " (n " + y.correlation().n() + ", r " + number(y.correlation().r()) + ", p "
                    + number(y.correlation().p()) + "): " + (byGrade.isEmpty() ? "geen gemeenten"
                    : String.join("; ", byGrade.entrySet().stream().map(e -> "cijfer " + e.getKey() + ": "
                    + String.join(", ", e.getValue())).toList())));
        }
        String alt = "Spreidingsdiagram van het huidige rapportcijfer (horizontaal) tegen de totaalscore (verticaal), "
                + "een punt per gemeente; de totaalscores per cijfer: " + String.join(". ", perYear);
        b.figure("Figuur 4.12: huidig rapportcijfer tegen totaalscore, per gemeente", Charts.scatter(
                "Huidig rapportcijfer", "Totaalscore", series), alt);
    }

    /**
     * The extra questions per option and year: N and % of those that answered the question. Question 1 (risk-group
     * figures) is Tabel 4.13 of the 2017 report, question 2 (target-group policy) Tabel 4.14, the others Bijlage 2.
     */
    private static void extraQuestions(Html b, ExtrasReport extras) {
        List<ExtrasReport.YearExtras> years = extras.years();
        for (int q = 0; q < years.get(0).questions().size(); q++) {
            int at = q;
            ExtrasReport.Question question = years.get(0).questions().get(q);
            String table = switch (question.number()) {
                case 1 -> "Tabel 4.13";
                case 2 -> "Tabel 4.14";
                default -> "Bijlage 2, vraag " + question.number();
            };
            List<List<String>> rows = new ArrayList<>();
            for (int o = 0; o < question.options().size(); o++) {
                int option = o;
                for (ExtrasReport.YearExtras year : years) {
                    ExtrasReport.Question asked = year.questions().get(at);
                    ExtrasReport.Choice choice = asked.options().get(option);
                    rows.add(List.of(choice.label(), String.valueOf(year.year()),
                            choice.n() == null ? Html.NONE : String.valueOf(choice.n()), percent(choice.percent())));
                }
            }
            b.table(table + ": " + question.text() + " (beantwoord door: " + String.join(", ", years.stream()
                            .map(y -> y.year() + " " + y.questions().get(at).respondents()).toList()) + ")",
                    List.of("Antwoord", "Jaar", "N", "%"), rows);
        }
    }

    private static <T> List<List<String>> rows(List<T> items, Function<T, List<List<String>>> rows) {
        return items.stream().flatMap(i -> rows.apply(i).stream()).toList();
    }
}
