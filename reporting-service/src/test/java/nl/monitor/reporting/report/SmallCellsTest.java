package nl.monitor.reporting.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallCellsTest {

    @Test
    void an_aggregate_over_one_to_k_minus_one_municipalities_is_withheld_none_and_k_are_not() {
        SmallCells cells = new SmallCells(3, true);
        assertThat(cells.suppress(0)).isFalse();
        assertThat(cells.suppress(1)).isTrue();
        assertThat(cells.suppress(2)).isTrue();
        assertThat(cells.suppress(3)).isFalse();
        assertThat(cells.show(2, 45.0)).isNull();
        assertThat(cells.show(3, 45.0)).isEqualTo(45.0);
    }

    @Test
    void beside_the_viewers_own_municipality_k_others_are_needed() {
        SmallCells cells = new SmallCells(3, true);
        assertThat(cells.suppressOthers(0)).isTrue();
        assertThat(cells.suppressOthers(2)).as("own + 2 others: the others' mean would follow from its own points")
                .isTrue();
        assertThat(cells.suppressOthers(3)).isFalse();
        assertThat(SmallCells.NONE.suppressOthers(1)).isFalse();
    }

    @Test
    void for_analysts_nothing_is_withheld_and_k_must_be_positive() {
        assertThat(SmallCells.NONE.suppress(1)).isFalse();
        assertThat(new SmallCells(5, false).show(1, "x")).isEqualTo("x");
        assertThatThrownBy(() -> new SmallCells(0, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
