package nl.monitor.domain.indicator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorsTest {

    private final IndicatorSet set = Indicators.latest();

    @Test
    void the_shipped_set_has_the_ten_themes_of_the_national_programme_each_with_its_target_and_indicators() {
        assertThat(set.version()).isEqualTo(1);
        assertThat(set.themes()).extracting(Theme::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(set.theme(3)).get().extracting(Theme::title).isEqualTo("Meldcode");
        assertThat(set.theme(8).orElseThrow().target()).isEqualTo("Meer sturing door wethouder en burgemeester");
        Set<Integer> themesWithIndicators = set.indicators().stream().map(Indicator::theme).collect(Collectors.toSet());
        assertThat(themesWithIndicators).hasSize(10);
        assertThat(set.indicators()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void the_veilig_thuis_registration_is_broken_down_by_reporter_sector_and_type_of_abuse() {
        Indicator reports = set.indicator("vt-reports").orElseThrow();
        assertThat(reports.unit()).isEqualTo(Unit.COUNT);
        assertThat(reports.breakdowns()).containsExactly("reporter", "sector", "abuse-type");
        assertThat(reports.levels()).contains(AreaLevel.REGION);
        assertThat(set.dimension("abuse-type").orElseThrow().value("sexual-abuse")).isPresent();
        assertThat(set.indicator("vt-days-report-to-help").orElseThrow().better()).isEqualTo(Better.LOWER);
    }

    @Test
    void a_set_that_breaks_its_invariants_fails_on_load_naming_what() {
        Dimension sector = new Dimension("sector", "Sector", List.of(new Dimension.Value("education", "Onderwijs")));
        Theme theme = new Theme(1, "Preventie", "Minder mishandeling");
        IndicatorSet unknownTheme = new IndicatorSet(9, "t", List.of(sector), List.of(theme), List.of(
                new Indicator("x", "X", 2, Unit.COUNT, Set.of(AreaLevel.REGION), List.of(), Better.HIGHER, "s")));
        assertThatThrownBy(() -> Indicators.checkIntegrity(unknownTheme)).hasMessageContaining("unknown theme 2");
        IndicatorSet unknownDimension = new IndicatorSet(9, "t", List.of(sector), List.of(theme), List.of(
                new Indicator("x", "X", 1, Unit.COUNT, Set.of(AreaLevel.REGION), List.of("reporter"), Better.HIGHER, "s")));
        assertThatThrownBy(() -> Indicators.checkIntegrity(unknownDimension))
                .hasMessageContaining("unknown dimension reporter");
        Indicator one = new Indicator("x", "X", 1, Unit.COUNT, Set.of(AreaLevel.REGION), List.of(), Better.HIGHER, "s");
        IndicatorSet duplicate = new IndicatorSet(9, "t", List.of(sector), List.of(theme), List.of(one, one));
        assertThatThrownBy(() -> Indicators.checkIntegrity(duplicate)).hasMessageContaining("indicator ids");
        IndicatorSet noLevel = new IndicatorSet(9, "t", List.of(sector), List.of(theme), List.of(
                new Indicator("x", "X", 1, Unit.COUNT, Set.of(), List.of(), Better.HIGHER, "s")));
        assertThatThrownBy(() -> Indicators.checkIntegrity(noLevel)).hasMessageContaining("has no level");
    }

    @Test
    void a_version_that_extends_an_earlier_one_adds_to_it_and_cannot_redefine_what_it_had() {
        IndicatorSet base = Indicators.version(1);
        Indicator added = new Indicator("x-added", "X", 4, Unit.COUNT, Set.of(AreaLevel.REGION), List.of("abuse-type"),
                Better.LOWER, "s");
        IndicatorSet extended = new Indicators.SetFile(2, null, 1, null, null, List.of(added)).adding(base);
        Indicators.checkIntegrity(extended);
        assertThat(extended.version()).isEqualTo(2);
        assertThat(extended.name()).isEqualTo(base.name());
        assertThat(extended.indicators()).hasSize(base.indicators().size() + 1).endsWith(added);
        assertThat(extended.themes()).isEqualTo(base.themes());
        Indicator redefined = new Indicator("vt-reports", "Y", 4, Unit.COUNT, Set.of(AreaLevel.REGION), List.of(),
                Better.LOWER, "s");
        assertThatThrownBy(() -> Indicators.checkIntegrity(
                new Indicators.SetFile(2, null, 1, null, null, List.of(redefined)).adding(base)))
                .hasMessageContaining("indicator ids");
    }

    @Test
    void periods_are_a_year_or_a_quarter_and_sort_in_time() {
        assertThat(Period.parse("2024")).contains(new Period(2024, null));
        assertThat(Period.parse("2024-Q3")).contains(new Period(2024, 3));
        assertThat(Period.parse("2024-Q5")).isEmpty();
        assertThat(Period.parse("24")).isEmpty();
        assertThat(Period.parse("1999")).isEmpty();
        assertThat(Period.parse("2024-Q3").orElseThrow().toString()).isEqualTo("2024-Q3");
        assertThat(new Period(2024, null)).isLessThan(new Period(2024, 1));
        assertThat(new Period(2024, 4)).isLessThan(new Period(2025, null));
    }

    @Test
    void better_says_whether_a_value_meets_its_target() {
        assertThat(Better.HIGHER.meets(80, 75)).isTrue();
        assertThat(Better.HIGHER.meets(70, 75)).isFalse();
        assertThat(Better.LOWER.meets(10, 14)).isTrue();
        assertThat(Better.LOWER.meets(20, 14)).isFalse();
    }
}
