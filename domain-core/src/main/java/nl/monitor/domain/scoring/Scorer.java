package nl.monitor.domain.scoring;

import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.MeasureCategory;
import nl.monitor.domain.questionnaire.MeasureOption;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores valid assessments with one version of the rules (section 3.3 of the report, SPEC.md "Scoring").
 * Validate with {@link nl.monitor.domain.assessment.AssessmentValidator} first: the scorer trusts its input.
 */
public final class Scorer {

    private final ScoringRules rules;
    private final Questionnaire questionnaire;

    public Scorer(ScoringRules rules) {
        this.rules = rules;
        this.questionnaire = Questionnaires.version(rules.questionnaireVersion());
    }

    public static Scorer latest() {
        return new Scorer(ScoringRulesCatalog.latest());
    }

    public ScoringRules rules() {
        return rules;
    }

    public AssessmentScore score(Assessment assessment) {
        if (assessment.questionnaireVersion() != questionnaire.version()) {
            throw new IllegalArgumentException("Rules v" + rules.version() + " score questionnaire v"
                    + questionnaire.version() + ", not v" + assessment.questionnaireVersion());
        }
        List<GoalScore> goals = assessment.goals().stream()
                .map(this::score)
                .sorted(Comparator.comparingInt(GoalScore::goal))
                .toList();
        double total = goals.stream().mapToDouble(GoalScore::total).average().orElse(0);
        return new AssessmentScore(rules.version(), goals, total, goals.size(), rules.bands().classify(total));
    }

    public GoalScore score(GoalAnswer answer) {
        Goal goal = questionnaire.goal(answer.goal())
                .orElseThrow(() -> new IllegalArgumentException("Unknown goal " + answer.goal()));
        double borging = borging(answer.borging());
        double inhoud = inhoud(goal, answer.inhoud());
        double bereik = bereik(answer.bereik());
        double total = borging + inhoud + bereik;
        return new GoalScore(goal.number(), borging, inhoud, bereik, total, rules.bands().classify(total));
    }

    /** The mean over the scored goals of the chosen components, and its percentage of their maximum. */
    public SubsetScore over(AssessmentScore score, Set<Component> components) {
        double points = score.goals().stream().mapToDouble(g -> pointsOf(g, components)).average().orElse(0);
        return subset(components, points);
    }

    /** One goal's score over the chosen components. */
    public SubsetScore over(GoalScore score, Set<Component> components) {
        return subset(components, pointsOf(score, components));
    }

    private SubsetScore subset(Set<Component> components, double points) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one component");
        }
        double maximum = rules.maximum(components);
        return new SubsetScore(components, points, maximum, 100 * points / maximum);
    }

    private static double pointsOf(GoalScore score, Set<Component> components) {
        return components.stream().mapToDouble(score::points).sum();
    }

    private double borging(BorgingAnswer answer) {
        double points = rules.borging().forInclusion(answer.inclusion());
        if (answer.inclusion() == Inclusion.INCLUDED && answer.laidDown()) {
            points += rules.borging().laidDownInDocument();
        }
        return points;
    }

    private double inhoud(Goal goal, InhoudAnswer answer) {
        if (!answer.deploysMeasures()) {
            return 0;
        }
        long earning = goal.categories().stream().filter(category -> earns(category, answer)).count();
        // One division of the whole, not a sum of shares, so 4 x 11.25 and 3 x 15 stay exact.
        return rules.inhoud().deploysMeasures()
                + rules.inhoud().categoriesTotal() * earning / goal.categories().size();
    }

    /** A category earns its share when one chosen option counts; "geen onderdeel van beleid" never does. */
    private static boolean earns(MeasureCategory category, InhoudAnswer answer) {
        Optional<CategoryAnswer> chosen = answer.category(category.id());
        return chosen.isPresent() && chosen.get().options().stream().anyMatch(o -> counts(category, o));
    }

    private static boolean counts(MeasureCategory category, OptionAnswer chosen) {
        Optional<MeasureOption> option = category.option(chosen.option());
        if (option.isEmpty() || option.get().isNotInPolicy()) {
            return false;
        }
        return !option.get().needsText() || (chosen.text() != null && !chosen.text().isBlank());
    }

    private double bereik(BereikAnswer answer) {
        if (!answer.insight()) {
            return 0;
        }
        return rules.bereik().insight() + rules.bereik().forShare(answer.share());
    }
}
