package nl.monitor.domain.indicator;

import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.assessment.ViolationCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FigureValidatorTest {

    private final FigureValidator validator = new FigureValidator(Indicators.latest());

    @Test
    void a_region_figure_broken_down_by_type_of_abuse_is_valid() {
        IndicatorFigure figure = new IndicatorFigure("vt-reports", "2024-Q2", AreaLevel.REGION, "Groningen",
                Map.of("abuse-type", "sexual-abuse", "reporter", "citizen"), new BigDecimal("37"));
        assertThat(validator.validate(figure)).isEmpty();
        assertThat(figure.breakdownKey()).isEqualTo("abuse-type=sexual-abuse;reporter=citizen");
    }

    @Test
    void a_municipal_percentage_and_a_national_figure_are_valid() {
        assertThat(validator.validate(new IndicatorFigure("families-in-poverty", "2023", AreaLevel.MUNICIPALITY,
                "GM0014", null, new BigDecimal("7.9")))).isEmpty();
        assertThat(validator.validate(new IndicatorFigure("interventions-proven-effective", "2023",
                AreaLevel.NATIONAL, "NL", Map.of(), new BigDecimal("41.5")))).isEmpty();
    }

    @Test
    void every_bad_field_is_named_with_its_reason() {
        List<Violation> violations = validator.validate(new IndicatorFigure("vt-reports", "2024-Q7",
                AreaLevel.MUNICIPALITY, "Groningen", Map.of("abuse-type", "bullying", "sanction-type", "community-service"),
                new BigDecimal("12.5")));
        assertThat(violations).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                tuple("period", ViolationCode.INVALID_FORMAT),
                tuple("area", ViolationCode.INVALID_FORMAT),
                tuple("breakdown.abuse-type", ViolationCode.UNKNOWN_OPTION),
                tuple("breakdown.sanction-type", ViolationCode.UNKNOWN_BREAKDOWN),
                tuple("value", ViolationCode.OUT_OF_RANGE));
    }

    @Test
    void an_unknown_indicator_a_missing_value_and_a_level_the_indicator_is_not_recorded_for_are_refused() {
        assertThat(validator.validate(new IndicatorFigure("bullying-rate", "2024", AreaLevel.REGION, "Groningen",
                Map.of(), BigDecimal.ONE))).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("indicator", ViolationCode.UNKNOWN_INDICATOR));
        assertThat(validator.validate(new IndicatorFigure("disciplinary-cases-too-much-shared", "2024",
                AreaLevel.MUNICIPALITY, "GM0014", Map.of(), null))).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("level", ViolationCode.LEVEL_NOT_RECORDED), tuple("value", ViolationCode.REQUIRED));
        assertThat(validator.validate(new IndicatorFigure("families-in-poverty", "2024", AreaLevel.NATIONAL, "BE",
                Map.of(), new BigDecimal("101")))).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("area", ViolationCode.INVALID_FORMAT), tuple("value", ViolationCode.OUT_OF_RANGE));
        assertThat(validator.validate(new IndicatorFigure(null, null, null, null, null, BigDecimal.ONE)))
                .extracting(Violation::path).containsExactly("indicator", "period", "level");
    }
}
