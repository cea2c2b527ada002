package nl.monitor.reporting.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.FigureValidator;
import nl.monitor.domain.indicator.Indicator;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.domain.indicator.Period;
import nl.monitor.domain.indicator.Unit;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reporting.config.SuppressionConfig;
import nl.monitor.reporting.report.Predecessors;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An indicator's trend (the nation, a region, its municipalities per period) with small counts suppressed: a count
 * above 0 and below {@code reporting.suppression.min-count} of a region or municipality is shown only to an
 * administrator, the region's coordinator and the municipality's own respondent — a registration figure that small
 * can point at a family. Analysts see it suppressed too; national figures never are.
 */
@ApplicationScoped
public class IndicatorTrends {

    private final StoredFigures figures;
    private final SuppressionConfig suppression;

    public IndicatorTrends(StoredFigures figures, SuppressionConfig suppression) {
        this.figures = figures;
        this.suppression = suppression;
    }

    /**
     * @param breakdown dimension id to value id (empty: the totals), checked against the indicator
     * @param fold      whether every period's municipalities are those of the latest period's division, the figures
     *                  of earlier divisions folded onto them; else each period's own division
     * @throws NotFoundException     for an indicator the set does not define
     * @throws InvalidInputException naming the bad breakdown
     */
    public IndicatorTrend trend(String indicatorId, String region, Map<String, String> breakdown, boolean fold,
                                Caller caller) {
        IndicatorSet set = Indicators.latest();
        Indicator indicator = set.indicator(indicatorId)
                .orElseThrow(() -> new NotFoundException("No indicator " + indicatorId));
        List<Violation> problems = new FigureValidator(set).validate(new IndicatorFigure(indicatorId, "2000",
                        AreaLevel.NATIONAL, AreaLevel.NETHERLANDS, breakdown, BigDecimal.ZERO)).stream()
                .filter(v -> v.path().startsWith("breakdown.")).toList();
        if (!problems.isEmpty()) {
            throw InvalidInputException.fromViolations("The breakdown is not one of " + indicatorId + "'s", "",
                    problems);
        }
        String key = new IndicatorFigure(indicatorId, null, null, null, breakdown, null).breakdownKey();
        Map<String, StoredFigure> national = byPeriod(figures.of(indicatorId, key, AreaLevel.NATIONAL,
                List.of(AreaLevel.NETHERLANDS)));
        Map<String, StoredFigure> ofRegion = region == null ? Map.of()
                : byPeriod(figures.of(indicatorId, key, AreaLevel.REGION, List.of(region)));
        List<StoredFigure> ofMunicipalities = region == null ? List.of()
                : figures.of(indicatorId, key, AreaLevel.MUNICIPALITY,
                        List.copyOf(MunicipalityDivisions.membersOf(region)));
        TreeSet<Period> periods = new TreeSet<>();
        national.keySet().forEach(p -> periods.add(Period.parse(p).orElseThrow()));
        ofRegion.keySet().forEach(p -> periods.add(Period.parse(p).orElseThrow()));
        ofMunicipalities.forEach(f -> periods.add(Period.parse(f.key.period()).orElseThrow()));

        boolean seesRegion = region != null && (caller.hasRole(Caller.ADMIN)
                || caller.hasRole(Caller.COORDINATOR) && caller.region().filter(region::equals).isPresent());
        Predicate<String> seesSmallCounts = code -> seesRegion
                || caller.hasRole(Caller.RESPONDENT) && caller.municipality().filter(code::equals).isPresent();
        int minimum = suppression.minCount();
        Integer onto = fold && !periods.isEmpty() ? periods.last().year() : null;
        List<IndicatorTrend.PeriodFigures> rows = new ArrayList<>();
        for (Period period : periods) {
            String name = period.toString();
            Map<String, StoredFigure> inPeriod = ofMunicipalities.stream().filter(f -> f.key.period().equals(name))
                    .collect(Collectors.toMap(f -> f.key.area(), Function.identity()));
            List<IndicatorTrend.AreaFigure> municipal = region == null ? List.of()
                    : municipalities(indicator, region, period.year(), onto == null ? period.year() : onto, inPeriod,
                    seesSmallCounts, minimum);
            StoredFigure own = ofRegion.get(name);
            IndicatorTrend.Figure regionFigure = own == null ? null : figure(own,
                    small(indicator, own.value, minimum) && !seesRegion);
            StoredFigure nation = national.get(name);
            rows.add(new IndicatorTrend.PeriodFigures(name, nation == null ? null : figure(nation, false),
                    regionFigure, municipal));
        }
        return new IndicatorTrend(indicator, set.theme(indicator.theme()).orElseThrow(), new TreeMap<>(breakdown),
                region, minimum, onto == null ? null : MunicipalityDivisions.forYear(onto).year(), rows);
    }

    /**
     * The region's municipalities of the division of {@code ontoYear} with their figures of a period of
     * {@code year}: as recorded when both years have one division; else each folded from its predecessors of then
     * ({@link Predecessors}) — a count as their sum, only when every predecessor has one (a sum of a part is no count
     * of the whole), any other unit as their population-weighted mean over those that have one. A folded count is
     * suppressed when it or any count it sums is small, so the folded view cannot be subtracted from the recorded one.
     */
    private static List<IndicatorTrend.AreaFigure> municipalities(Indicator indicator, String region, int year,
                                                                  int ontoYear, Map<String, StoredFigure> inPeriod,
                                                                  Predicate<String> seesSmallCounts, int minimum) {
        List<IndicatorTrend.AreaFigure> municipal = new ArrayList<>();
        List<Municipality> members = MunicipalityDivisions.forYear(ontoYear).inRegion(region).stream()
                .sorted(Comparator.comparing(Municipality::name)).toList();
        for (Municipality member : members) {
            Predecessors.Mapping mapping = Predecessors.of(member.code(), ontoYear, year);
            List<Predecessors.Predecessor> recorded = mapping.predecessors().stream()
                    .filter(p -> inPeriod.containsKey(p.code())).toList();
            boolean count = indicator.unit() == Unit.COUNT;
            if (recorded.isEmpty() || count && recorded.size() < mapping.predecessors().size()) {
                continue;
            }
            List<BigDecimal> values = recorded.stream().map(p -> inPeriod.get(p.code()).value).toList();
            BigDecimal value;
            if (!mapping.folds()) {
                value = values.get(0);
            } else if (count) {
                value = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            } else {
                double weights = recorded.stream().mapToDouble(Predecessors.Predecessor::weight).sum();
                double weighted = 0;
                for (int i = 0; i < recorded.size(); i++) {
                    weighted += recorded.get(i).weight() * values.get(i).doubleValue();
                }
                value = BigDecimal.valueOf(weighted / weights).setScale(2, RoundingMode.HALF_UP);
            }
            boolean hidden = !seesSmallCounts.test(member.code()) && (small(indicator, value, minimum)
                    || values.stream().anyMatch(v -> small(indicator, v, minimum)));
            municipal.add(new IndicatorTrend.AreaFigure(member.code(), member.name(),
                    hidden ? null : IndicatorFigure.plain(value), hidden,
                    mapping.folds() ? recorded.stream().map(Predecessors.Predecessor::code).toList() : null));
        }
        return municipal;
    }

    private static Map<String, StoredFigure> byPeriod(List<StoredFigure> found) {
        return found.stream().collect(Collectors.toMap(f -> f.key.period(), Function.identity()));
    }

    private static boolean small(Indicator indicator, BigDecimal value, int minimum) {
        return indicator.unit() == Unit.COUNT && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(minimum)) < 0;
    }

    private static IndicatorTrend.Figure figure(StoredFigure stored, boolean hidden) {
        return new IndicatorTrend.Figure(hidden ? null : IndicatorFigure.plain(stored.value), hidden);
    }

}
