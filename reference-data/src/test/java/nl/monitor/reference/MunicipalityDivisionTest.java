package nl.monitor.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MunicipalityDivisionTest {

    private final MunicipalityDivision division = MunicipalityDivision.shipped();

    @Test
    void ships_the_352_municipalities_of_2021_in_26_veilig_thuis_regions() {
        assertThat(division.year()).isEqualTo(2021);
        assertThat(division.size()).isEqualTo(352);
        assertThat(division.regions()).hasSize(26).contains("Midden-Brabant", "West-Brabant", "Amsterdam-Amstelland");
        assertThat(division.municipality("GM0363")).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("Amsterdam");
            assertThat(m.region()).isEqualTo("Amsterdam-Amstelland");
            assertThat(m.sizeClass()).isEqualTo(SizeClass.CLASS_5);
        });
        assertThat(division.municipality("GM9999")).isEmpty();
        assertThat(division.inRegion("Midden-Brabant")).extracting(Municipality::name)
                .contains("Tilburg", "Dongen", "Waalwijk").hasSize(8);
    }

    @Test
    void size_classes_count_as_the_data_readme_says() {
        Map<SizeClass, Long> counts = division.all().stream()
                .collect(Collectors.groupingBy(Municipality::sizeClass, Collectors.counting()));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(SizeClass.CLASS_1, 123L, SizeClass.CLASS_2, 141L,
                SizeClass.CLASS_3, 56L, SizeClass.CLASS_4, 28L, SizeClass.CLASS_5, 4L));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "24999, 1", "25000, 2", "49999, 2", "50000, 3", "99999, 3", "100000, 4", "250000, 4",
            "250001, 5"})
    void size_class_edges_follow_tabel_3_1(int inhabitants, int expected) {
        assertThat(SizeClass.of(inhabitants).number()).isEqualTo(expected);
    }

    @Test
    void names_with_quotes_and_commas_are_read_whole() {
        Map<String, Municipality> byName = division.all().stream()
                .collect(Collectors.toMap(Municipality::name, Function.identity()));

        assertThat(byName).containsKeys("'s-Gravenhage", "'s-Hertogenbosch");
        assertThat(CsvLine.split("GM0001,\"Bergen (L.), \"\"x\"\"\",Limburg,Limburg-Noord,13000"))
                .containsExactly("GM0001", "Bergen (L.), \"x\"", "Limburg", "Limburg-Noord", "13000");
    }

    @Test
    void a_broken_csv_is_refused_with_its_line() {
        String csv = "code,name,province,veilig_thuis_region,inhabitants_2020_approx\nGM0001,A,B,C,many\n";

        assertThatThrownBy(() -> MunicipalityDivision.fromCsv(2022, new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Line 2");
        assertThatThrownBy(() -> MunicipalityDivision.fromCsv(2022, new StringReader("id;name\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
    }
}
