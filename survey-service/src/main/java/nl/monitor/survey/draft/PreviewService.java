package nl.monitor.survey.draft;

import jakarta.enterprise.context.ApplicationScoped;
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
import nl.monitor.domain.questionnaire.OptionKind;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.domain.scoring.Scorer;
import nl.monitor.domain.scoring.ScoringRules;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import nl.monitor.survey.service.SubmissionRequest;
import nl.monitor.survey.service.SubmissionService;
import nl.monitor.survey.wave.WaveService;
import nl.monitor.survey.wave.WaveView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores answers as they are being given, with domain-core's {@link Scorer} (the scoring-service's rules): a part not
 * answered yet counts as its lowest answer, a share not chosen yet as none. Per started goal it lists the measures
 * that would raise the score if added, with the gain the same scorer computes.
 */
@ApplicationScoped
public class PreviewService {

    private final SubmissionService submissions;
    private final WaveService waves;

    public PreviewService(SubmissionService submissions, WaveService waves) {
        this.submissions = submissions;
        this.waves = waves;
    }

    public Preview preview(String municipality, int year, DraftRequest request) {
        Optional<WaveView> wave = waves.find(year);
        int questionnaireVersion = request.questionnaireVersion() != null ? request.questionnaireVersion()
                : wave.map(WaveView::questionnaireVersion).orElse(Questionnaires.LATEST);
        ScoringRules rules = rulesFor(wave, questionnaireVersion)
                .orElseThrow(() -> InvalidInputException.of("questionnaireVersion", "unknown-version",
                        "no scoring rules for questionnaire version " + questionnaireVersion));
        Questionnaire questionnaire = Questionnaires.version(questionnaireVersion);
        Scorer scorer = new Scorer(rules);
        List<Problem.FieldError> problems = submissions.validate(new SubmissionRequest(municipality, year,
                        questionnaireVersion, request.goalsOrEmpty(), request.extras())).stream()
                .map(v -> Problem.FieldError.of("", v)).toList();

        List<Preview.GoalPreview> goals = new ArrayList<>();
        List<GoalAnswer> answered = request.goalsOrEmpty();
        for (int i = 0; i < answered.size(); i++) {
            GoalAnswer answer = answered.get(i);
            if (answer == null || questionnaire.goal(answer.goal()).isEmpty()) {
                continue;
            }
            Goal goal = questionnaire.goal(answer.goal()).get();
            GoalAnswer scorable = scorable(answer);
            GoalScore score = scorer.score(scorable);
            String prefix = "goals[" + i + "]";
            boolean complete = answer.borging() != null && answer.inhoud() != null && answer.bereik() != null
                    && problems.stream().noneMatch(p -> p.field().equals(prefix) || p.field().startsWith(prefix + "."));
            goals.add(new Preview.GoalPreview(goal.number(), goal.title(), score.borging(), score.inhoud(),
                    score.bereik(), score.total(), score.band(), complete, suggestions(scorer, goal, scorable,
                    score.total())));
        }
        goals.sort(Comparator.comparingInt(Preview.GoalPreview::goal));
        double total = goals.stream().mapToDouble(Preview.GoalPreview::total).average().orElse(0);
        return new Preview(rules.version(), total, goals.size(), rules.bands().classify(total), goals, problems);
    }

    /**
     * The rules the year's wave scores with (its {@code rulesVersion}, as the scoring-service scores its submissions)
     * when the answers are on the wave's questionnaire; otherwise (no wave, or answers on another questionnaire, which
     * "Indienen" refuses) the latest rules of the questionnaire answered. A later rescore of the wave may put other
     * rules in force, which the preview cannot know.
     */
    private static Optional<ScoringRules> rulesFor(Optional<WaveView> wave, int questionnaireVersion) {
        if (!Questionnaires.exists(questionnaireVersion)) {
            return Optional.empty();
        }
        return wave.filter(w -> w.questionnaireVersion() == questionnaireVersion)
                .map(w -> ScoringRulesCatalog.version(w.rulesVersion()))
                .or(() -> ScoringRulesCatalog.latestFor(questionnaireVersion));
    }

    /** The measures that raise the goal's score when added: those of the categories that earn nothing yet. */
    private static List<Preview.Suggestion> suggestions(Scorer scorer, Goal goal, GoalAnswer scorable, double total) {
        List<Preview.Suggestion> suggestions = new ArrayList<>();
        for (MeasureCategory category : goal.categories()) {
            for (MeasureOption option : category.options()) {
                if (option.kind() != OptionKind.MEASURE) {
                    continue;
                }
                double gain = scorer.score(withOption(scorable, category, option)).total() - total;
                if (gain > 0) {
                    suggestions.add(new Preview.Suggestion(category.id(), category.label(), option.id(),
                            option.label(), gain));
                }
            }
        }
        suggestions.sort(Comparator.comparingDouble(Preview.Suggestion::gain).reversed());
        return suggestions;
    }

    /** The goal as if the option were chosen too (measures deployed, "geen onderdeel van beleid" dropped). */
    private static GoalAnswer withOption(GoalAnswer answer, MeasureCategory category, MeasureOption option) {
        List<CategoryAnswer> categories = new ArrayList<>();
        boolean found = false;
        for (CategoryAnswer chosen : answer.inhoud().categories()) {
            if (chosen != null && category.id().equals(chosen.category())) {
                List<OptionAnswer> options = new ArrayList<>(chosen.options().stream()
                        .filter(o -> o != null && !"not-in-policy".equals(kindOf(category, o))).toList());
                options.add(OptionAnswer.of(option.id()));
                categories.add(new CategoryAnswer(category.id(), options));
                found = true;
            } else {
                categories.add(chosen);
            }
        }
        if (!found) {
            categories.add(new CategoryAnswer(category.id(), List.of(OptionAnswer.of(option.id()))));
        }
        return new GoalAnswer(answer.goal(), answer.borging(),
                new InhoudAnswer(true, categories, answer.inhoud().otherMeasure()), answer.bereik());
    }

    private static String kindOf(MeasureCategory category, OptionAnswer chosen) {
        return category.option(chosen.option()).filter(MeasureOption::isNotInPolicy).map(o -> "not-in-policy")
                .orElse("");
    }

    /** A goal with every unanswered part at its lowest answer, so the scorer, which trusts its input, can score it. */
    private static GoalAnswer scorable(GoalAnswer answer) {
        BorgingAnswer borging = answer.borging();
        if (borging == null || borging.inclusion() == null) {
            borging = new BorgingAnswer(Inclusion.NOT_INCLUDED, false, List.of(), null);
        }
        InhoudAnswer inhoud = answer.inhoud() == null ? new InhoudAnswer(false, List.of(), null) : answer.inhoud();
        BereikAnswer bereik = answer.bereik();
        if (bereik == null) {
            bereik = new BereikAnswer(false, null);
        } else if (bereik.insight() && bereik.share() == null) {
            bereik = new BereikAnswer(true, ReachShare.NONE);
        }
        return new GoalAnswer(answer.goal(), borging, inhoud, bereik);
    }
}
