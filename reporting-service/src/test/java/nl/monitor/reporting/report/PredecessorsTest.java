package nl.monitor.reporting.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Which codes of an earlier division fold into a 2021 municipality, and their population weights. */
class PredecessorsTest {

    @Test
    void two_2017_municipalities_merged_into_one_2021_municipality_weigh_their_2016_inhabitants() {
        Predecessors.Mapping molenlanden = Predecessors.of("GM1978", 2021, 2017);

        assertThat(molenlanden.mapped()).isTrue();
        assertThat(molenlanden.folds()).isTrue();
        assertThat(molenlanden.earlierDivisionYear()).isEqualTo(2017);
        assertThat(molenlanden.predecessors()).extracting(Predecessors.Predecessor::code)
                .containsExactly("GM0689", "GM1927");                          // Giessenlanden, Molenwaard
        assertThat(molenlanden.predecessors()).extracting(Predecessors.Predecessor::weight)
                .containsExactly(14544.0, 29067.0);                            // CBS 1 January 2016
        assertThat(molenlanden.predecessors()).noneMatch(Predecessors.Predecessor::approximate);
    }

    @Test
    void the_2014_wave_maps_the_2013_division_and_a_municipality_gone_by_2017_shares_its_successors_figure() {
        Predecessors.Mapping gooiseMeren = Predecessors.of("GM1942", 2021, 2014);

        assertThat(gooiseMeren.earlierDivisionYear()).isEqualTo(2013);
        assertThat(gooiseMeren.predecessors()).extracting(Predecessors.Predecessor::code)
                .containsExactlyInAnyOrder("GM0381", "GM0424", "GM0425");     // Bussum, Muiden, Naarden
        // No 2013 figures are shipped: each a third of Gooise Meren's 56,696 of 1 January 2016, approximate.
        assertThat(gooiseMeren.predecessors()).allSatisfy(p -> {
            assertThat(p.weight()).isCloseTo(56696 / 3.0, within(1e-9));
            assertThat(p.approximate()).isTrue();
        });
    }

    @Test
    void a_split_municipality_counts_in_each_successor_with_an_equal_share() {
        Predecessors.Mapping vught = Predecessors.of("GM0865", 2021, 2017);

        Predecessors.Predecessor haaren = vught.predecessors().stream().filter(p -> p.code().equals("GM0788"))
                .findFirst().orElseThrow();
        assertThat(haaren.weight()).isEqualTo(13570 / 4.0);                   // split over four in 2021
        assertThat(haaren.approximate()).isTrue();
        assertThat(vught.predecessors()).extracting(Predecessors.Predecessor::code).contains("GM0865");
    }

    @Test
    void years_of_one_division_and_a_municipality_that_merged_with_none_are_themselves() {
        assertThat(Predecessors.of("GM1978", 2031, 2021).folds()).isFalse();
        assertThat(Predecessors.of("GM1978", 2031, 2021).mapped()).isFalse();
        Predecessors.Mapping dordrecht = Predecessors.of("GM0505", 2021, 2017);
        assertThat(dordrecht.folds()).isFalse();
        assertThat(dordrecht.predecessors()).extracting(Predecessors.Predecessor::code).containsExactly("GM0505");
        // 2014 (the 2013 division) onto 2017: Gooise Meren folds in Bussum, Muiden and Naarden
        Predecessors.Mapping gooiseMeren = Predecessors.of("GM1942", 2017, 2014);
        assertThat(gooiseMeren.mapped()).isTrue();
        assertThat(gooiseMeren.earlierDivisionYear()).isEqualTo(2013);
        assertThat(gooiseMeren.predecessors()).extracting(Predecessors.Predecessor::code)
                .containsExactly("GM0381", "GM0424", "GM0425");
        // Boarnsterhim (2013) was split over four 2017 municipalities: a quarter of its weight in Heerenveen
        Predecessors.Predecessor boarnsterhim = Predecessors.of("GM0074", 2017, 2014).predecessors().stream()
                .filter(p -> p.code().equals("GM0055")).findFirst().orElseThrow();
        assertThat(boarnsterhim.approximate()).isTrue();
        assertThat(boarnsterhim.weightSource()).startsWith("split over 4 successors");
    }

    @Test
    void the_comparison_states_every_fold_with_its_weights() {
        DivisionMapping mapping = DivisionMapping.of(new ReportScope(2021, 2017, "Zuid-Holland Zuid", null));

        assertThat(mapping.mapped()).isTrue();
        assertThat(mapping.earlierDivisionYear()).isEqualTo(2017);
        DivisionMapping.Fold molenlanden = mapping.folds().stream().filter(f -> f.into().equals("GM1978"))
                .findFirst().orElseThrow();
        assertThat(molenlanden.from()).extracting(DivisionMapping.From::share).containsExactly(33, 67);
        assertThat(mapping.folds()).noneMatch(f -> f.into().equals("GM0505"));  // Dordrecht: itself
        assertThat(DivisionMapping.of(new ReportScope(2031, 2030, null, null)).folds()).isEmpty();
        assertThat(DivisionMapping.of(new ReportScope(2031, null, null, null))).isNull();
    }
}
