package nl.monitor.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MunicipalityDivisionsTest {

    @Test
    void ships_the_divisions_of_2013_2017_and_2021_with_cbs_counts() {
        assertThat(MunicipalityDivisions.years()).containsExactly(2013, 2017, 2021);
        assertThat(MunicipalityDivisions.of(2013)).hasValueSatisfying(d -> assertThat(d.size()).isEqualTo(408));
        assertThat(MunicipalityDivisions.of(2017)).hasValueSatisfying(d -> assertThat(d.size()).isEqualTo(388));
        assertThat(MunicipalityDivisions.of(2021)).containsSame(MunicipalityDivision.shipped());
        assertThat(MunicipalityDivisions.of(2014)).isEmpty();
        for (int year : MunicipalityDivisions.years()) {
            assertThat(MunicipalityDivisions.of(year).orElseThrow().regions()).as("regions " + year).hasSize(26);
        }
    }

    @Test
    void a_years_data_lives_under_the_codes_of_that_years_division() {
        // Bellingwedde (GM0007) was invited in 2014 and 2017 and merged into Westerwolde (GM1950) in 2018.
        assertThat(MunicipalityDivisions.inDivisionOf("GM0007", 2014)).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("Bellingwedde");
            assertThat(m.region()).isEqualTo("Groningen");
        });
        assertThat(MunicipalityDivisions.inDivisionOf("GM0007", 2017)).isPresent();
        assertThat(MunicipalityDivisions.inDivisionOf("GM0007", 2021)).isEmpty();
        assertThat(MunicipalityDivisions.inDivisionOf("GM1950", 2017)).as("a successor code is not in 2017").isEmpty();
        assertThat(MunicipalityDivisions.inDivisionOf("GM1950", 2021)).isPresent();
        assertThat(MunicipalityDivisions.notInDivision("GM1950", 2017)).startsWith(
                "GM1950 is not in the 2017 division (the 388 municipalities of the CBS division of 1 January 2017")
                .endsWith("; in 2017 its area was GM0007 Bellingwedde, GM0048 Vlagtwedde");
        assertThat(MunicipalityDivisions.notInDivision("GM0007", 2021)).startsWith("GM0007 is not in the 2021 division")
                .endsWith("Bellingwedde became GM1950 by 2021");
        // Events stored before the rule: the year's division first (2013 names), today's code as a fall-back.
        assertThat(MunicipalityDivisions.municipalityOf("GM0007", 2014)).map(Municipality::name).hasValue("Bellingwedde");
        assertThat(MunicipalityDivisions.municipalityOf("GM1950", 2017)).map(Municipality::name).hasValue("Westerwolde");
        assertThat(MunicipalityDivisions.municipalityOf("GM9999", 2017)).isEmpty();
        assertThat(MunicipalityDivisions.unknown("GM9999", 2017))
                .isEqualTo("unknown municipality GM9999 (neither in the 2021 division nor in that of 2017)");
    }

    @Test
    void an_earlier_division_folds_onto_a_later_one_through_the_mergers() {
        assertThat(MunicipalityDivisions.successorsIn("GM0007", 2013, 2017)).containsExactly("GM0007");
        assertThat(MunicipalityDivisions.successorsIn("GM0007", 2017, 2021)).containsExactly("GM1950");
        assertThat(MunicipalityDivisions.successorsIn("GM0381", 2013, 2017)).containsExactly("GM1942"); // Bussum
        // Boarnsterhim, split in 2014 over Heerenveen, Leeuwarden, Súdwest-Fryslân and De Friese Meren
        assertThat(MunicipalityDivisions.successorsIn("GM0055", 2013, 2017))
                .containsExactlyInAnyOrder("GM0074", "GM0080", "GM1900", "GM1940");
        assertThat(MunicipalityDivisions.successorsIn("GM1950", 2021, 2017)).isEmpty();
        assertThat(MunicipalityDivisions.predecessorsIn("GM1942", 2017, 2013)).extracting(Municipality::code)
                .containsExactly("GM0381", "GM0424", "GM0425");
        assertThat(MunicipalityDivisions.predecessorsIn("GM1950", 2021, 2013)).extracting(Municipality::name)
                .containsExactly("Bellingwedde", "Vlagtwedde");
        assertThat(MunicipalityDivisions.predecessorsIn("GM0014", 2017, 2017)).extracting(Municipality::code)
                .containsExactly("GM0014");
        // every 2013 code goes somewhere in 2017, and every 2017 municipality had a predecessor in 2013
        MunicipalityDivision division2017 = MunicipalityDivisions.of(2017).orElseThrow();
        assertThat(MunicipalityDivisions.of(2013).orElseThrow().all())
                .allSatisfy(m -> assertThat(MunicipalityDivisions.successorsIn(m.code(), 2013, 2017)).isNotEmpty());
        assertThat(division2017.all())
                .allSatisfy(m -> assertThat(MunicipalityDivisions.predecessorsIn(m.code(), 2017, 2013)).isNotEmpty());
        assertThat(MunicipalityDivisions.regionsOf("GM0007")).containsExactly("Groningen");
        assertThat(MunicipalityDivisions.regionsOf("GM9999")).isEmpty();
        assertThat(MunicipalityDivisions.membersOf("Groningen")).contains("GM0007", "GM1950", "GM0014")
                .doesNotContain("GM0106");
        assertThat(MunicipalityDivisions.membersOf("Nergens")).isEmpty();
    }

    @ParameterizedTest(name = "Monitor year {0} invites the {2} of the division of 1 January {1}")
    @CsvSource({"2014, 2013, 408, true", "2017, 2017, 388, true", "2021, 2021, 352, true", "2018, 2017, 388, false",
            "2015, 2013, 408, false", "2024, 2021, 352, false", "2031, 2021, 352, false"})
    void a_monitor_year_uses_its_division_or_the_latest_earlier_one(int monitorYear, int divisionYear, int invited,
                                                                    boolean exact) {
        MunicipalityDivisions.Choice choice = MunicipalityDivisions.choose(monitorYear);

        assertThat(MunicipalityDivisions.forYear(monitorYear).year()).isEqualTo(divisionYear);
        assertThat(choice.division().size()).isEqualTo(invited);
        assertThat(choice.exact()).isEqualTo(exact);
        assertThat(choice.describe()).startsWith("the " + invited + " municipalities of the CBS division of 1 January "
                + divisionYear);
    }

    @Test
    void size_classes_of_2017_count_as_the_data_readme_says() {
        assertThat(sizeClasses(MunicipalityDivisions.of(2017).orElseThrow()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(1, 170L, 2, 140L, 3, 47L, 4, 27L, 5, 4L));
    }

    @Test
    void a_2013_municipality_takes_the_size_class_of_the_2017_municipality_it_is_or_became() {
        MunicipalityDivision division2013 = MunicipalityDivisions.of(2013).orElseThrow();
        MunicipalityDivision division2017 = MunicipalityDivisions.of(2017).orElseThrow();

        // Schijndel (2013) became Meierijstad (2017, 80,000 inhabitants): class 3, as Tabel 3.1's "indeling 2017".
        assertThat(division2013.municipality("GM0844").orElseThrow().sizeClass())
                .isEqualTo(division2017.municipality("GM1948").orElseThrow().sizeClass()).isEqualTo(SizeClass.CLASS_3);
        // Bedum still existed in 2017 under its own code.
        assertThat(division2013.municipality("GM0005").orElseThrow().inhabitants()).isEqualTo(10433);
        assertThat(sizeClasses(division2013).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(408);
    }

    @Test
    void mergers_say_which_codes_became_which() {
        List<Merger> mergers = MunicipalityDivisions.mergers();

        assertThat(mergers).hasSize(414);
        assertThat(MunicipalityDivisions.merger("GM0005")).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("Bedum");
            assertThat(m.successors2021()).containsExactly("GM1966");
            assertThat(m.kind()).isEqualTo(Merger.Kind.MERGED_OR_RENAMED);
        });
        assertThat(MunicipalityDivisions.merger("GM1671")).hasValueSatisfying(m -> {
            assertThat(m.kind()).isEqualTo(Merger.Kind.SPLIT);
            assertThat(m.successors2021()).containsExactlyInAnyOrder("GM0828", "GM0796");
        });
        assertThat(MunicipalityDivisions.merger("GM0363")).hasValueSatisfying(m -> assertThat(m.continues()).isTrue());
        assertThat(MunicipalityDivisions.predecessorsOf("GM0014")).extracting(Merger::name)
                .containsExactlyInAnyOrder("Groningen", "Haren", "Ten Boer");
    }

    @Test
    void every_code_of_2013_and_2017_has_a_merger_to_a_2021_municipality() {
        Set<String> codes2021 = MunicipalityDivision.shipped().all().stream().map(Municipality::code)
                .collect(Collectors.toSet());
        for (int year : List.of(2013, 2017)) {
            for (Municipality m : MunicipalityDivisions.of(year).orElseThrow().all()) {
                assertThat(MunicipalityDivisions.merger(m.code())).as(m.code() + " of " + year)
                        .hasValueSatisfying(merger -> assertThat(codes2021).containsAll(merger.successors2021()));
            }
        }
    }

    @Test
    void a_broken_row_after_a_blank_line_is_refused_with_its_own_line() {
        String csv = "code,name,province,veilig_thuis_region,inhabitants_2020_approx\n\nGM0001,A,B,C,many\n";

        assertThatThrownBy(() -> MunicipalityDivision.fromCsv(2022, new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Line 3:");
    }

    private static Map<Integer, Long> sizeClasses(MunicipalityDivision division) {
        return division.all().stream().collect(Collectors.groupingBy(m -> m.sizeClass().number(),
                Collectors.counting()));
    }
}
