package nl.monitor.domain;

import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.MeasureCategory;
import nl.monitor.domain.questionnaire.MeasureOption;
import nl.monitor.domain.questionnaire.OptionKind;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.questionnaire.ReachShare;

import java.util.ArrayList;
import java.util.List;

/** Readable builders for the answers the tests need, taken from questionnaire v1. */
public final class Answers {

    public static final Questionnaire V1 = Questionnaires.version(1);
    public static final String MUNICIPALITY = "GM0363";
    public static final int YEAR = 2017;

    private Answers() {
    }

    public static Assessment assessment(GoalAnswer... goals) {
        return new Assessment(MUNICIPALITY, YEAR, 1, List.of(goals), null);
    }

    public static Assessment assessment(List<GoalAnswer> goals, ExtraAnswers extras) {
        return new Assessment(MUNICIPALITY, YEAR, 1, goals, extras);
    }

    public static GoalAnswer goal(int number, BorgingAnswer borging, InhoudAnswer inhoud, BereikAnswer bereik) {
        return new GoalAnswer(number, borging, inhoud, bereik);
    }

    /** Included in policy and laid down in the regiovisie. */
    public static BorgingAnswer includedAndLaidDown() {
        return new BorgingAnswer(Inclusion.INCLUDED, true, List.of("regional-vision"), null);
    }

    public static BorgingAnswer borging(Inclusion inclusion) {
        return new BorgingAnswer(inclusion, false, List.of(), null);
    }

    public static BereikAnswer reached(ReachShare share) {
        return new BereikAnswer(true, share);
    }

    public static BereikAnswer noInsight() {
        return new BereikAnswer(false, null);
    }

    public static InhoudAnswer noMeasures() {
        return new InhoudAnswer(false, List.of(), null);
    }

    /**
     * Measures deployed: the first {@code withMeasures} categories of the goal get their first listed measure,
     * every other category is answered "(geen onderdeel van beleid)".
     */
    public static InhoudAnswer measuresIn(int goalNumber, int withMeasures) {
        Goal goal = V1.goal(goalNumber).orElseThrow();
        List<CategoryAnswer> categories = new ArrayList<>();
        for (int i = 0; i < goal.categories().size(); i++) {
            MeasureCategory category = goal.categories().get(i);
            OptionAnswer chosen = i < withMeasures ? OptionAnswer.of(firstMeasure(category).id())
                    : OptionAnswer.of(notInPolicy(category).id());
            categories.add(new CategoryAnswer(category.id(), List.of(chosen)));
        }
        return new InhoudAnswer(true, categories, null);
    }

    public static MeasureOption firstMeasure(MeasureCategory category) {
        return category.options().stream().filter(o -> o.kind() == OptionKind.MEASURE).findFirst().orElseThrow();
    }

    public static MeasureOption notInPolicy(MeasureCategory category) {
        return category.options().stream().filter(MeasureOption::isNotInPolicy).findFirst().orElseThrow();
    }

    /** A complete, valid goal answer: the worked example of SPEC.md for goal 1 (72.5 points). */
    public static GoalAnswer workedExample() {
        return goal(1, includedAndLaidDown(), measuresIn(1, 2), reached(ReachShare.MORE_THAN_HALF));
    }
}
