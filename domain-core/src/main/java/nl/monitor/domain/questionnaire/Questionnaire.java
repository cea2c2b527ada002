package nl.monitor.domain.questionnaire;

import java.util.List;
import java.util.Optional;

/**
 * A version of the questionnaire: the ten goals with their borging, inhoud and bereik questions, and the extra
 * questions. Immutable; obtain one from {@link Questionnaires}.
 */
public record Questionnaire(int version, String name, BorgingQuestions borging, InhoudQuestions inhoud,
                            BereikQuestions bereik, List<Goal> goals, List<ExtraQuestion> extraQuestions) {

    public Questionnaire {
        goals = List.copyOf(goals);
        extraQuestions = List.copyOf(extraQuestions);
    }

    public Optional<Goal> goal(int number) {
        return goals.stream().filter(g -> g.number() == number).findFirst();
    }

    public Optional<ExtraQuestion> extraQuestion(String id) {
        return extraQuestions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The extra question with this id; a catalog without it is broken, so this fails loudly. */
    public ExtraQuestion requireExtraQuestion(String id) {
        return extraQuestion(id).orElseThrow(
                () -> new IllegalStateException("Questionnaire v" + version + " has no extra question " + id));
    }
}
