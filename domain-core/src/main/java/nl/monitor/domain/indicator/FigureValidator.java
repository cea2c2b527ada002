package nl.monitor.domain.indicator;

import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.assessment.ViolationCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a recorded figure against an {@link IndicatorSet}: the indicator exists, the period is a year or quarter,
 * the indicator is recorded for the area's level and the area looks like one of that level, every breakdown is one
 * of the indicator's dimensions with a known value, and the value fits the unit. Whether the area exists in the
 * period's municipal division, and whether the caller may record it, is the recording service's to check.
 */
public final class FigureValidator {

    private static final Pattern MUNICIPALITY = Pattern.compile("GM\\d{4}");
    private static final int MAX_AREA = 200;
    /** Figures are stored with four decimals. */
    public static final int MAX_DECIMALS = 4;

    private final IndicatorSet set;

    public FigureValidator(IndicatorSet set) {
        this.set = set;
    }

    /** Every problem with the figure, each naming its field; empty when it may be stored. */
    public List<Violation> validate(IndicatorFigure figure) {
        List<Violation> violations = new ArrayList<>();
        Optional<Indicator> indicator = Optional.empty();
        if (blank(figure.indicator())) {
            violations.add(new Violation("indicator", ViolationCode.REQUIRED, "indicator is required"));
        } else {
            indicator = set.indicator(figure.indicator());
            if (indicator.isEmpty()) {
                violations.add(new Violation("indicator", ViolationCode.UNKNOWN_INDICATOR,
                        "indicator set v" + set.version() + " has no indicator " + figure.indicator()));
            }
        }
        if (blank(figure.period())) {
            violations.add(new Violation("period", ViolationCode.REQUIRED, "period is required"));
        } else if (Period.parse(figure.period()).isEmpty()) {
            violations.add(new Violation("period", ViolationCode.INVALID_FORMAT, "period must be a year (2024) or a"
                    + " quarter (2024-Q3) between " + Period.FIRST_YEAR + " and " + Period.LAST_YEAR));
        }
        checkArea(figure, indicator, violations);
        indicator.ifPresent(i -> checkBreakdown(figure.breakdown(), i, violations));
        if (figure.value() == null) {
            violations.add(new Violation("value", ViolationCode.REQUIRED, "value is required"));
        } else if (figure.value().stripTrailingZeros().scale() > MAX_DECIMALS) {
            violations.add(new Violation("value", ViolationCode.INVALID_FORMAT,
                    "value has more than " + MAX_DECIMALS + " decimals: " + figure.value().toPlainString()));
        } else {
            indicator.flatMap(i -> i.unit().refuse(figure.value())).ifPresent(why -> violations.add(new Violation(
                    "value", ViolationCode.OUT_OF_RANGE, "value " + figure.value().toPlainString() + " " + why)));
        }
        return List.copyOf(violations);
    }

    private static void checkArea(IndicatorFigure figure, Optional<Indicator> indicator, List<Violation> violations) {
        if (figure.level() == null) {
            violations.add(new Violation("level", ViolationCode.REQUIRED,
                    "level is required: MUNICIPALITY, REGION or NATIONAL"));
            return;
        }
        indicator.filter(i -> !i.levels().contains(figure.level())).ifPresent(i -> violations.add(new Violation(
                "level", ViolationCode.LEVEL_NOT_RECORDED,
                i.id() + " is recorded per " + i.levels().stream().map(Enum::name).sorted().toList()
                        + ", not per " + figure.level())));
        String area = figure.area();
        if (blank(area)) {
            violations.add(new Violation("area", ViolationCode.REQUIRED, "area is required"));
        } else if (area.length() > MAX_AREA) {
            violations.add(new Violation("area", ViolationCode.TOO_LONG, "area is longer than " + MAX_AREA));
        } else if (figure.level() == AreaLevel.MUNICIPALITY && !MUNICIPALITY.matcher(area).matches()) {
            violations.add(new Violation("area", ViolationCode.INVALID_FORMAT,
                    "a municipality is named by its CBS code, GM followed by four digits: " + area));
        } else if (figure.level() == AreaLevel.NATIONAL && !AreaLevel.NETHERLANDS.equals(area)) {
            violations.add(new Violation("area", ViolationCode.INVALID_FORMAT,
                    "the national area is " + AreaLevel.NETHERLANDS + ": " + area));
        }
    }

    private void checkBreakdown(Map<String, String> breakdown, Indicator indicator, List<Violation> violations) {
        breakdown.forEach((dimensionId, valueId) -> {
            String path = "breakdown." + dimensionId;
            if (!indicator.breakdowns().contains(dimensionId)) {
                violations.add(new Violation(path, ViolationCode.UNKNOWN_BREAKDOWN, indicator.id()
                        + " is broken down by " + (indicator.breakdowns().isEmpty() ? "nothing"
                        : String.join(", ", indicator.breakdowns())) + ", not by " + dimensionId));
                return;
            }
            Dimension dimension = set.dimension(dimensionId).orElseThrow();
            if (blank(valueId)) {
                violations.add(new Violation(path, ViolationCode.REQUIRED, dimensionId + " needs a value"
                        + " (leave the dimension out for the total)"));
            } else if (dimension.value(valueId).isEmpty()) {
                violations.add(new Violation(path, ViolationCode.UNKNOWN_OPTION, dimensionId + " has no value "
                        + valueId + "; it has " + dimension.values().stream().map(Dimension.Value::id).toList()));
            }
        });
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
