package nl.monitor.reporting.report;

import java.util.List;

/**
 * Seed 000 §4 "Alle doelstellingen: borging": in which documents the municipalities laid down their goals (regiovisie
 * 30 %, uitvoeringsplan 20 %, gemeentelijke notitie jeugdbeleid 18 %, Kadernota Wmo 4 % in 2017). Per document kind
 * of the year's questionnaire ({@code borging.documentKinds}, "Anders" included) and year: {@code n}, the goals laid
 * down (borging answered "Ja" and laid down) that name it, counted over every answered goal of the respondents.
 * <ul>
 *     <li>{@code percent}: n as a whole percentage of all {@code mentions} of the year (the document kinds named,
 *     summed over the laid-down goals; a goal laid down in two documents counts twice), so the kinds add up to about
 *     100 % — the denominator of the 2017 report's text ({@link #DENOMINATOR}), whose four kinds leave 28 % to
 *     "Anders";</li>
 *     <li>{@code percentOfGoalsLaidDown}: n as a whole percentage of the {@code goalsLaidDown} (what share of the
 *     laid-down goals names the kind; adds up to 100 % or more).</li>
 * </ul>
 * Either denominator gives the same order. On a region or size-class filter a year over fewer than
 * {@code reporting.suppression.min-municipalities} (k, 3) municipalities that laid down a goal is withheld from
 * respondents and coordinators: every count and percentage of the year null and {@code suppressed} true (empty cells
 * in CSV); the respondents stay. {@code mapping} (with {@code compareWith}): how the earlier year's codes map onto this
 * year's; a comparison year of another division is counted over its own municipalities, as measures.
 */
public record DocumentsReport(int year, Integer compareWith, String region, Integer sizeClass, String denominator,
                              List<YearTotals> years, List<DocumentKind> documents, DivisionMapping mapping)
        implements Tabular {

    /** The denominator of {@code percent}. */
    public static final String DENOMINATOR = "mentions";

    /**
     * A year's totals: the municipalities that answered a goal (respondents), those that laid down at least one
     * (municipalitiesLaidDown, the group suppression counts), the goals laid down and the document kinds they name.
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DocumentsYearTotals")
    public record YearTotals(int year, long respondents, Long municipalitiesLaidDown, Long goalsLaidDown,
                             Long mentions, boolean suppressed) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DocumentKindShares")
    public record DocumentKind(String document, String label, List<YearShare> years) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DocumentYearShare")
    public record YearShare(int year, Long n, Integer percent, Integer percentOfGoalsLaidDown, boolean suppressed) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("document", "label", "year", "n", "percent", "percent_of_goals_laid_down",
                "mentions", "goals_laid_down", "respondents");
        for (DocumentKind kind : documents) {
            for (YearShare y : kind.years()) {
                YearTotals totals = years.stream().filter(t -> t.year() == y.year()).findFirst().orElseThrow();
                table.row(kind.document(), kind.label(), y.year(), y.n(), y.percent(), y.percentOfGoalsLaidDown(),
                        totals.mentions(), totals.goalsLaidDown(), totals.respondents());
            }
        }
        return table;
    }
}
