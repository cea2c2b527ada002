package nl.monitor.reporting.report;

import java.util.List;

/**
 * The extra questions of Bijlage 2, per year: per question and option how many municipalities chose it, as a whole
 * percentage (half up) of those that answered the question; Tabel 4.12: the mean self-assessment grades (one
 * decimal) past / current / expected, each over those that gave it; Figuur 4.12: Pearson's r (two decimals) between
 * the current grade and the total score over the n municipalities that have both, with its two-sided p-value (three
 * decimals, {@link Significance}). On a region or size-class filter, a cell over fewer municipalities than
 * {@code reporting.suppression.min-municipalities} (k, 3) is withheld from respondents and coordinators: its values
 * null, {@code suppressed} true (an empty cell in CSV); analysts and admins see it. A question's options are withheld when
 * fewer answered it, a grade's mean when fewer gave it, r when fewer have both.
 * {@code mapping} (with {@code compareWith}): how the earlier year's codes map onto this year's ({@link DivisionMapping}).
 */
public record ExtrasReport(int year, Integer compareWith, String region, Integer sizeClass,
                           List<YearExtras> years,
        DivisionMapping mapping) implements Tabular {

    public record YearExtras(int year, List<Question> questions, List<Grade> grades, Correlation correlation) {
    }

    public record Question(String question, int number, String text, long respondents, List<Choice> options,
                           boolean suppressed) {
    }

    public record Choice(String option, String label, Long n, Integer percent) {
    }

    public record Grade(String grade, String label, long n, Double mean, boolean suppressed) {
    }

    /**
     * Figuur 4.12: r and p over n; {@code points}, the scatter itself (each municipality's current grade and total,
     * two decimals, ordered, without codes), only for callers who see everything (analysts, admins): a municipality's
     * own pair is no aggregate, and a coordinator knows its region's totals. Null for everyone else.
     */
    public record Correlation(long n, Double r, Double p, boolean suppressed, List<Point> points) {
    }

    public record Point(int grade, double total) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("year", "item", "option", "label", "n", "base", "value");
        for (YearExtras y : years) {
            for (Question question : y.questions()) {
                for (Choice choice : question.options()) {
                    table.row(y.year(), question.question(), choice.option(), choice.label(), choice.n(),
                            question.respondents(), choice.percent());
                }
            }
            for (Grade grade : y.grades()) {
                table.row(y.year(), "grade-mean", grade.grade(), grade.label(), grade.n(), null, grade.mean());
            }
            table.row(y.year(), "pearson-r", "current-grade-vs-total", null, y.correlation().n(), null,
                    y.correlation().r());
            table.row(y.year(), "pearson-p", "current-grade-vs-total", null, y.correlation().n(), null,
                    y.correlation().p());
        }
        return table;
    }
}
