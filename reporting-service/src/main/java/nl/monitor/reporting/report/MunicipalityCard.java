package nl.monitor.reporting.report;

import nl.monitor.domain.scoring.Band;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A municipality's card for a year: per goal its score over the chosen components (points, two decimals, and whole
 * percent of those components' maximum), the three components and the band of the full score, the change in points
 * since its previous scored year, and beside it the mean points (one decimal) of its size class, its region and the
 * country that year, the same per component ({@link Parts}: the previous year's and the three groups'); and advice:
 * its weakest goals with, per goal, the measures most peers of its size class use and it does not. A size-class,
 * region or country mean whose group holds fewer other municipalities than
 * {@code reporting.suppression.min-municipalities} (k, 3) — others than the card's own, whose points the viewer
 * knows — is withheld from respondents and coordinators (null, with {@code sizeClassMeanSuppressed} /
 * {@code regionMeanSuppressed} / {@code countryMeanSuppressed} true; an empty cell in CSV), and so are its parts.
 *
 * <p>{@code history}: every earlier year of the same questionnaire, oldest first, as comparable as the divisions allow:
 * a merged municipality's earlier points are the population-weighted mean of its predecessors in that year's division,
 * each listed with its weight ({@link TrendYear}); {@code previousYear} and the changes are against the newest of them.
 */
public record MunicipalityCard(String municipality, String name, String region, int sizeClass, String sizeClassLabel,
                               int year, Integer previousYear, List<String> components, double maximum,
                               Summary total, List<Goal> goals, List<Advice> advice, List<TrendYear> history,
                               nl.monitor.reporting.plan.PlanProgress plan)
        implements Tabular {

    public record Summary(Double points, Integer percent, Band band, int goalsAnswered, Double previousPoints,
                          Double change) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "MunicipalityCardGoal")
    public record Goal(int goal, String title, boolean answered, Double borging, Double inhoud, Double bereik,
                       Band band, Double points, Integer percent, Double previousPoints, Double change,
                       Double sizeClassMean, Double regionMean, Double countryMean, boolean sizeClassMeanSuppressed,
                       boolean regionMeanSuppressed, boolean countryMeanSuppressed, Parts previousParts,
                       Parts sizeClassParts, Parts regionParts, Parts countryParts) {
    }

    /**
     * A goal's three components: the municipality's points in the previous year ({@code previousParts}, two decimals,
     * folded from predecessors as the points are) or a group's mean points ({@code sizeClassParts},
     * {@code regionParts}, {@code countryParts}, one decimal, over the group's municipalities that answered the goal
     * that year). A group's parts are withheld (null) exactly when its mean is; a value is null where no one answered.
     */
    public record Parts(Double borging, Double inhoud, Double bereik) {
    }

    /** A weak goal and the peers' measures; none, {@code suppressed}, when too few peers answered it (as the means). */
    public record Advice(int goal, String title, Double points, List<PeerMeasure> measures, boolean suppressed) {
    }

    public record PeerMeasure(String category, String categoryLabel, String option, String label, long peers,
                              long peersAnswered, Integer percent) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("municipality", "year", "goal", "title", "answered", "borging", "inhoud",
                "bereik", "band", "points", "percent", "previous_points", "change", "size_class_mean", "region_mean",
                "country_mean", "previous_borging", "previous_inhoud", "previous_bereik", "size_class_borging",
                "size_class_inhoud", "size_class_bereik", "region_borging", "region_inhoud", "region_bereik",
                "country_borging", "country_inhoud", "country_bereik");
        for (Goal g : goals) {
            List<Object> row = new ArrayList<>(Arrays.asList(municipality, year, g.goal(), g.title(), g.answered(),
                    g.borging(), g.inhoud(), g.bereik(), g.band(), g.points(), g.percent(), g.previousPoints(),
                    g.change(), g.sizeClassMean(), g.regionMean(), g.countryMean()));
            for (Parts parts : Arrays.asList(g.previousParts(), g.sizeClassParts(), g.regionParts(),
                    g.countryParts())) {
                row.addAll(parts == null ? Arrays.asList(null, null, null)
                        : Arrays.asList(parts.borging(), parts.inhoud(), parts.bereik()));
            }
            table.row(row.toArray());
        }
        Object[] totalRow = new Object[28];
        Object[] start = {municipality, year, "total", null, total.goalsAnswered(), null, null, null, total.band(),
                total.points(), total.percent(), total.previousPoints(), total.change()};
        System.arraycopy(start, 0, totalRow, 0, start.length);
        table.row(totalRow);
        return table;
    }
}
