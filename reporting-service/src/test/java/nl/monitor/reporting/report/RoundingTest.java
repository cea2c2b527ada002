package nl.monitor.reporting.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundingTest {

    @Test
    void percentages_are_whole_percents_rounded_half_up_from_the_exact_counts() {
        assertThat(Rounding.percent(1, 8)).isEqualTo(13);   // 12.5
        assertThat(Rounding.percent(1, 3)).isEqualTo(33);   // 33.33
        assertThat(Rounding.percent(2, 3)).isEqualTo(67);   // 66.67
        assertThat(Rounding.percent(3, 200)).isEqualTo(2);  // 1.5
        assertThat(Rounding.percent(0, 5)).isZero();
        assertThat(Rounding.percent(0, 0)).isNull();
    }

    @Test
    void means_one_decimal_half_up_even_when_the_double_lies_just_below() {
        assertThat(Rounding.mean(31.25)).isEqualTo(31.3);
        assertThat(Rounding.mean(72.44999999999999)).isEqualTo(72.5);
        assertThat(Rounding.mean(null)).isNull();
        assertThat(Rounding.points(55.625)).isEqualTo(55.63);
        assertThat(Rounding.percentOf(72.5, 100)).isEqualTo(73);
    }
}
