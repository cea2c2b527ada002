package nl.monitor.domain.questionnaire;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.monitor.domain.Answers.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionnaireCatalogTest {

    /** Goal number -> its categories, each as [category label, option labels...], from the seed's tables. */
    private static Map<Integer, List<List<String>>> seedTables() throws IOException {
        Map<Integer, List<List<String>>> tables = new LinkedHashMap<>();
        List<List<String>> categories = null;
        try (InputStream in = QuestionnaireCatalogTest.class.getResourceAsStream("/seed-tables-4.1-4.10.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("//") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("Tabel 4.")) {
                    categories = new ArrayList<>();
                    tables.put(Integer.parseInt(line.substring("Tabel 4.".length()).trim()), categories);
                } else if (line.startsWith("# ")) {
                    categories.add(new ArrayList<>(List.of(line.substring(2))));
                } else {
                    categories.get(categories.size() - 1).add(line.strip());
                }
            }
        }
        return tables;
    }

    @Test
    void every_category_and_option_of_tabel_4_1_to_4_10_is_in_the_catalog_as_printed() throws IOException {
        Map<Integer, List<List<String>>> seed = seedTables();
        assertThat(seed.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        int options = 0;
        for (Goal goal : V1.goals()) {
            List<List<String>> catalog = goal.categories().stream().map(c -> {
                List<String> labels = new ArrayList<>(List.of(c.label()));
                c.options().forEach(o -> labels.add(o.label()));
                return labels;
            }).toList();
            assertThat(catalog).as("Tabel 4.%d", goal.number()).isEqualTo(seed.get(goal.number()));
            options += goal.categories().stream().mapToInt(c -> c.options().size()).sum();
        }
        assertThat(options).isEqualTo(seed.values().stream().flatMap(List::stream).mapToInt(c -> c.size() - 1).sum());
    }

    @Test
    void has_the_ten_goals_with_their_number_of_measure_categories() {
        assertThat(V1.goals()).extracting(Goal::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(V1.goals()).extracting(g -> g.categories().size())
                .containsExactly(4, 3, 3, 4, 5, 3, 3, 3, 5, 2);
        assertThat(V1.goals()).allSatisfy(goal -> {
            assertThat(goal.title()).isNotBlank();
            assertThat(goal.text()).isNotBlank();
        });
        assertThat(V1.goal(7).orElseThrow().text()).startsWith("De leerkrachten, kinderopvangwerkers")
                .contains("Een meldcode huiselijk geweld en kindermishandeling is ingevoerd");
    }

    @Test
    void every_category_offers_not_in_policy_and_marks_anders_as_free_text() {
        for (Goal goal : V1.goals()) {
            for (MeasureCategory category : goal.categories()) {
                assertThat(category.options()).filteredOn(MeasureOption::isNotInPolicy).singleElement()
                        .satisfies(o -> assertThat(o.label()).isEqualTo("(geen onderdeel van beleid)"));
                assertThat(category.options()).filteredOn(o -> o.label().equals("Anders"))
                        .allSatisfy(o -> assertThat(o.kind()).isEqualTo(OptionKind.OTHER));
            }
        }
    }

    @Test
    void has_the_borging_and_bereik_questions_with_their_answers() {
        assertThat(V1.borging().inclusionLabels()).containsOnlyKeys(Inclusion.values());
        assertThat(V1.borging().documentKinds()).extracting(ChoiceOption::label)
                .containsExactly("Regiovisie", "Uitvoeringsplan", "Gemeentelijke notitie jeugdbeleid",
                        "Kadernota Wmo", "Anders");
        assertThat(V1.bereik().shareLabels()).containsEntry(ReachShare.NONE, "Geen")
                .containsEntry(ReachShare.LESS_THAN_HALF, "Minder dan de helft")
                .containsEntry(ReachShare.MORE_THAN_HALF, "Meer dan de helft")
                .containsEntry(ReachShare.EVERYONE, "Iedereen");
        assertThat(V1.inhoud().otherMeasureQuestion()).isNotBlank();
    }

    @Test
    void has_the_six_extra_questions_of_bijlage_2() {
        assertThat(V1.extraQuestions()).extracting(ExtraQuestion::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(V1.requireExtraQuestion(ExtraQuestion.RISK_GROUP_FIGURES).options()).hasSize(9)
                .filteredOn(ChoiceOption::exclusive).singleElement()
                .satisfies(o -> assertThat(o.label()).isEqualTo("Nee, deze zijn niet in beeld"));
        assertThat(V1.requireExtraQuestion(ExtraQuestion.TARGET_GROUP_POLICY).options()).hasSize(5)
                .filteredOn(ChoiceOption::exclusive).hasSize(1);
        assertThat(V1.requireExtraQuestion(ExtraQuestion.SELF_ASSESSMENT_GRADES).options())
                .extracting(ChoiceOption::id).containsExactly("past", "current", "expected");
        // The grades it takes are the questionnaire's data (the validator and the page read them), the others have none.
        assertThat(V1.requireExtraQuestion(ExtraQuestion.SELF_ASSESSMENT_GRADES).scale())
                .isEqualTo(new GradeScale(1, 10));
        assertThat(V1.extraQuestions()).filteredOn(q -> q.scale() != null).hasSize(1);
        assertThat(V1.requireExtraQuestion(ExtraQuestion.COOPERATION_IMPROVED).options())
                .extracting(ChoiceOption::label)
                .containsExactly("nee", "ja, enigszins", "ja, sterk verbeterd", "heb ik geen zicht op");
        assertThat(V1.requireExtraQuestion(ExtraQuestion.YOUTH_INVOLVED).options())
                .extracting(ChoiceOption::id).containsExactly("yes", "no");
        assertThat(V1.requireExtraQuestion(ExtraQuestion.REGIONAL_VISION).options())
                .extracting(ChoiceOption::id).containsExactly("not-yet", "central-municipality", "yes");
    }

    @Test
    void latest_is_version_1_and_unknown_versions_are_refused() {
        assertThat(Questionnaires.latest().version()).isEqualTo(1);
        assertThat(Questionnaires.latest()).isSameAs(V1);
        assertThat(Questionnaires.exists(99)).isFalse();
        assertThatThrownBy(() -> Questionnaires.version(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99");
    }

    @Test
    void a_catalog_with_duplicate_option_ids_is_refused() {
        MeasureCategory broken = new MeasureCategory("c", "C", List.of(
                new MeasureOption("a", "A", OptionKind.MEASURE), new MeasureOption("a", "A again", null)));
        Questionnaire questionnaire = new Questionnaire(9, "broken", V1.borging(), V1.inhoud(), V1.bereik(),
                List.of(new Goal(1, "t", "x", List.of(broken))), V1.extraQuestions());
        assertThatThrownBy(() -> Questionnaires.checkIntegrity(questionnaire))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("option ids are not unique");
    }
}
