package nl.monitor.domain.assessment;

import nl.monitor.domain.support.Lists;

import java.util.List;
import java.util.Optional;

/**
 * The self-assessment of one municipality for one year (wave), against one questionnaire version.
 * Goals may be left unanswered (absent from {@code goals}); an answered goal must be complete.
 * Built as a client sent it, so that {@link AssessmentValidator} can name every problem; validate before scoring.
 *
 * @param municipality CBS code, e.g. {@code GM0363}
 * @param extras       the extra questions of Bijlage 2, or {@code null} when they were not answered
 */
public record Assessment(String municipality, int year, int questionnaireVersion, List<GoalAnswer> goals,
                         ExtraAnswers extras) {

    public Assessment {
        goals = Lists.copyOrNull(goals);
    }

    public Optional<GoalAnswer> goal(int number) {
        return goals == null ? Optional.empty()
                : goals.stream().filter(g -> g != null && g.goal() == number).findFirst();
    }
}
