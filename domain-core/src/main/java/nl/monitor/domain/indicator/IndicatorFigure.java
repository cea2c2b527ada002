package nl.monitor.domain.indicator;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figure as a client records it, before {@link FigureValidator} has checked it against the definitions.
 *
 * @param indicator the indicator's id
 * @param period    {@code YYYY} or {@code YYYY-Qn}
 * @param level     the kind of area
 * @param area      a municipality code ({@code GM0014}), a Veilig Thuis region's name, or {@code NL}
 * @param breakdown dimension id to value id; a dimension left out means the total over it
 * @param value     the figure, in the indicator's unit
 */
public record IndicatorFigure(String indicator, String period, AreaLevel level, String area,
                              Map<String, String> breakdown, BigDecimal value) {

    public IndicatorFigure {
        breakdown = breakdown == null ? Map.of() : new TreeMap<>(breakdown);
    }

    /**
     * The breakdown as one stable text ({@code abuse-type=sexual-abuse;reporter=citizen}, empty for the total): with
     * indicator, period and area the key under which a figure is stored, corrected and versioned.
     */
    public String breakdownKey() {
        StringBuilder key = new StringBuilder();
        breakdown.forEach((dimension, value) -> key.append(key.isEmpty() ? "" : ";").append(dimension).append('=').append(value));
        return key.toString();
    }

    /** A value without the trailing zeros of its storage: 37 for 37.0000, 7.9 for 7.9000, 100 for 1E+2. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
