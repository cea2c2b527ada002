package nl.monitor.domain.questionnaire;

import nl.monitor.domain.support.Resources;

import static nl.monitor.domain.support.Invariants.require;
import static nl.monitor.domain.support.Invariants.requireUnique;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The questionnaire versions this build knows, read from {@code nl/monitor/domain/questionnaire-v<N>.yaml}: versions
 * 1, 2, 3, ... up to the first number without a file ({@link #all()}). A version is a new edition of an instrument or
 * another instrument altogether (version 2: the BMC 2015 points of attention); a wave names the version it uses.
 * A catalog that breaks its own invariants (duplicate ids, a category without measures, ...) fails on load.
 */
public final class Questionnaires {

    /**
     * The questionnaire a submission answers when it names none: the Monitor's ten goals. Another instrument (a
     * higher version) is used only when a wave or a request names it, so adding one changes no default.
     */
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

    /** Every version shipped: 1, 2, ... up to the first number without a catalog file. */
    public static List<Questionnaire> all() {
        List<Questionnaire> all = new ArrayList<>();
        for (int version = 1; exists(version); version++) {
            all.add(version(version));
        }
        return List.copyOf(all);
    }

    /** The goal numbers of any shipped questionnaire (1-10 for version 1, 1-11 with the BMC points of attention). */
    public static SortedSet<Integer> goalNumbers() {
        SortedSet<Integer> numbers = new TreeSet<>();
        all().forEach(q -> q.goals().forEach(g -> numbers.add(g.number())));
        return Collections.unmodifiableSortedSet(numbers);
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
        require(!q.goals().isEmpty(), where + " has no goals");
        requireUnique(q.goals(), Goal::number, where + " goal numbers");
        require(q.goals().stream().allMatch(g -> g.number() >= 1), where + " numbers its goals from 1");
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
        // The extra questions are optional (another instrument may ask none), but those asked are the known ones:
        // the answer model has one field per question.
        for (ExtraQuestion extra : q.extraQuestions()) {
            require(ExtraQuestion.KNOWN.contains(extra.id()), where + " has an unknown extra question " + extra.id());
        }
    }
}
