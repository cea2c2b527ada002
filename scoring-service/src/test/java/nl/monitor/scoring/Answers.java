package nl.monitor.scoring;

import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.ReachShare;

import java.util.List;

/** Assessments whose scores the tests know by hand. */
final class Answers {

    private Answers() {
    }

    /** Goal 1 as SPEC's worked example (72.5) plus goal 10 with nothing (0): total 36.25, orange. */
    static List<GoalAnswer> orange() {
        return List.of(workedExample(), nothingFor(10));
    }

    /** Goal 1 alone as SPEC's worked example: total 72.5, orange. */
    static List<GoalAnswer> workedExampleOnly() {
        return List.of(workedExample());
    }

    /** Goals 1 (72.5), 3 (intended only: 5) and 10 (0): total 77.5 / 3 = 25.83, orange just above 25. */
    static List<GoalAnswer> justAboveTheNorm() {
        return List.of(workedExample(), red().get(0), nothingFor(10));
    }

    /** Goal 3 intended only (5) and goal 4 with nothing (0): total 2.5, red. */
    static List<GoalAnswer> red() {
        return List.of(new GoalAnswer(3, new BorgingAnswer(Inclusion.INTENDED, false, List.of(), null),
                new InhoudAnswer(false, List.of(), null), new BereikAnswer(false, null)), nothingFor(4));
    }

    private static GoalAnswer workedExample() {
        return new GoalAnswer(1,
                new BorgingAnswer(Inclusion.INCLUDED, true, List.of("regional-vision"), null),
                new InhoudAnswer(true, List.of(
                        new CategoryAnswer("subsidy-conditions", List.of(OptionAnswer.of("attention-officer"))),
                        new CategoryAnswer("chain-cooperation", List.of(new OptionAnswer("other", "Convenant"))),
                        new CategoryAnswer("programme-purchasing", List.of(OptionAnswer.of("not-in-policy"))),
                        new CategoryAnswer("own-action", List.of(OptionAnswer.of("not-in-policy")))), null),
                new BereikAnswer(true, ReachShare.MORE_THAN_HALF));
    }

    static GoalAnswer nothingFor(int goal) {
        return new GoalAnswer(goal, new BorgingAnswer(Inclusion.NOT_INCLUDED, false, List.of(), null),
                new InhoudAnswer(false, List.of(), null), new BereikAnswer(false, null));
    }
}
