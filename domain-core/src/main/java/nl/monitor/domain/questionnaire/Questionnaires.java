package nl.monitor.domain.questionnaire;

import nl.monitor.domain.support.Resources;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The questionnaire versions this build knows, read from {@code nl/monitor/domain/questionnaire-v<N>.yaml}.
 * A catalog that breaks its own invariants (duplicate ids, a category without measures, ...) fails on load.
 */
public final class Questionnaires {

    public static final int LATEST = 1;

    private static final String RESOURCE = "nl/monitor/domain/questionnaire-v%d.yaml";
    private static final Map<Integer, Questionnaire> LOADED = new ConcurrentHashMap<>();

    private Questionnaires() {
    }

    public static Questionnaire latest() {
        return version(LATEST);
    }

    /** @throws IllegalArgumentException when this build has no questionnaire of that version */
    public static Questionnaire version(int version) {
        return LOADED.computeIfAbsent(version, Questionnaires::load);
    }

    public static boolean exists(int version) {
        return LOADED.containsKey(version) || Resources.exists(RESOURCE.formatted(version));
    }

    private static Questionnaire load(int version) {
        String name = RESOURCE.formatted(version);
        if (!Resources.exists(name)) {
            throw new IllegalArgumentException("Unknown questionnaire version " + version);
        }
        Questionnaire questionnaire = Resources.readYaml(name, Questionnaire.class);
        if (questionnaire.version() != version) {
            throw new IllegalStateException(name + " declares version " + questionnaire.version());
        }
        checkIntegrity(questionnaire);
        return questionnaire;
    }

    static void checkIntegrity(Questionnaire q) {
        String where = "questionnaire v" + q.version();
        requireUnique(q.goals(), Goal::number, where + " goal numbers");
        for (Goal goal : q.goals()) {
            String goalWhere = where + " goal " + goal.number();
            require(!goal.categories().isEmpty(), goalWhere + " has no measure categories");
            requireUnique(goal.categories(), MeasureCategory::id, goalWhere + " category ids");
            for (MeasureCategory category : goal.categories()) {
                String categoryWhere = goalWhere + " category " + category.id();
                requireUnique(category.options(), MeasureOption::id, categoryWhere + " option ids");
                long notInPolicy = category.options().stream().filter(MeasureOption::isNotInPolicy).count();
                require(notInPolicy <= 1, categoryWhere + " has more than one 'geen onderdeel van beleid'");
                require(category.options().stream().anyMatch(o -> o.kind() == OptionKind.MEASURE),
                        categoryWhere + " has no measure to choose");
            }
        }
        requireUnique(q.borging().documentKinds(), ChoiceOption::id, where + " document kinds");
        require(q.borging().inclusionLabels().keySet().containsAll(Set.of(Inclusion.values())),
                where + " lacks a label for an inclusion answer");
        require(q.bereik().shareLabels().keySet().containsAll(Set.of(ReachShare.values())),
                where + " lacks a label for a reach share");
        requireUnique(q.extraQuestions(), ExtraQuestion::id, where + " extra question ids");
        for (ExtraQuestion extra : q.extraQuestions()) {
            requireUnique(extra.options(), ChoiceOption::id, where + " extra question " + extra.id() + " options");
        }
        for (String id : List.of(ExtraQuestion.RISK_GROUP_FIGURES, ExtraQuestion.TARGET_GROUP_POLICY,
                ExtraQuestion.SELF_ASSESSMENT_GRADES, ExtraQuestion.COOPERATION_IMPROVED,
                ExtraQuestion.YOUTH_INVOLVED, ExtraQuestion.REGIONAL_VISION)) {
            q.requireExtraQuestion(id);
        }
    }

    private static <T, K> void requireUnique(List<T> items, Function<T, K> key, String what) {
        Set<K> seen = new HashSet<>();
        Set<K> duplicates = items.stream().map(key).filter(k -> !seen.add(k)).collect(Collectors.toSet());
        require(duplicates.isEmpty(), what + " are not unique: " + duplicates);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
