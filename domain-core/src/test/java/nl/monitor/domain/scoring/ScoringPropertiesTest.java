package nl.monitor.domain.scoring;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.AssessmentValidator;
import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.assessment.SelfAssessmentGrades;
import nl.monitor.domain.questionnaire.ChoiceOption;
import nl.monitor.domain.questionnaire.ExtraQuestion;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.MeasureCategory;
import nl.monitor.domain.questionnaire.MeasureOption;
import nl.monitor.domain.questionnaire.ReachShare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static nl.monitor.domain.Answers.MUNICIPALITY;
import static nl.monitor.domain.Answers.V1;
import static nl.monitor.domain.Answers.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties over random valid assessments of questionnaire v1, scored with rules v1. */
class ScoringPropertiesTest {

    private static final double EPSILON = 1e-9;
    private final AssessmentValidator validator = new AssessmentValidator(V1);
    private final Scorer scorer = new Scorer(ScoringRulesCatalog.version(1));
    private final ScoringRules rules = scorer.rules();

    @Property(tries = 500)
    void every_generated_assessment_is_valid(@ForAll("assessments") Assessment assessment) {
        assertThat(validator.validate(assessment)).isEmpty();
    }

    @Property(tries = 1000)
    void every_goal_scores_within_0_and_100_and_its_parts_within_their_maxima(
            @ForAll("assessments") Assessment assessment) {
        AssessmentScore score = scorer.score(assessment);

        assertThat(score.goalsAnswered()).isEqualTo(assessment.goals().size());
        for (GoalScore goal : score.goals()) {
            assertThat(goal.total()).isBetween(0.0, 100.0);
            assertThat(goal.borging()).isBetween(0.0, rules.maximum(Component.BORGING));
            assertThat(goal.inhoud()).isBetween(0.0, rules.maximum(Component.INHOUD));
            assertThat(goal.bereik()).isBetween(0.0, rules.maximum(Component.BEREIK));
            assertThat(goal.total()).isEqualTo(goal.borging() + goal.inhoud() + goal.bereik());
            assertThat(goal.band()).isEqualTo(rules.bands().classify(goal.total()));
        }
        assertThat(score.total()).isBetween(0.0, 100.0);
        for (Set<Component> subset : List.of(EnumSet.of(Component.BORGING), EnumSet.of(Component.INHOUD, Component.BEREIK))) {
            assertThat(scorer.over(score, subset).percentage()).isBetween(0.0, 100.0);
        }
    }

    @Property(tries = 1000)
    void choosing_another_option_never_lowers_a_score(@ForAll("assessments") Assessment assessment,
                                                      @ForAll("seeds") long seed) {
        Random random = new Random(seed);
        GoalAnswer before = assessment.goals().get(random.nextInt(assessment.goals().size()));
        Goal goal = V1.goal(before.goal()).orElseThrow();
        MeasureCategory category = goal.categories().get(random.nextInt(goal.categories().size()));
        List<OptionAnswer> chosen = before.inhoud().category(category.id()).map(CategoryAnswer::options)
                .orElse(List.of());
        List<MeasureOption> unchosen = category.options().stream()
                .filter(o -> !o.isNotInPolicy())
                .filter(o -> chosen.stream().noneMatch(c -> c.option().equals(o.id())))
                .toList();
        if (unchosen.isEmpty()) {
            return;
        }
        MeasureOption added = unchosen.get(random.nextInt(unchosen.size()));
        GoalAnswer after = withOption(before, goal, category, added);
        Assessment changed = replaceGoal(assessment, before, after);
        assertThat(validator.validate(changed)).as("the changed assessment stays valid").isEmpty();

        assertThat(scorer.score(after).total()).isGreaterThanOrEqualTo(scorer.score(before).total());
        assertThat(scorer.score(changed).total()).isGreaterThanOrEqualTo(scorer.score(assessment).total() - EPSILON);
    }

    /** Adds the option to the category; a category answered "geen onderdeel van beleid" now has this option instead. */
    private static GoalAnswer withOption(GoalAnswer answer, Goal goal, MeasureCategory category, MeasureOption option) {
        List<CategoryAnswer> categories = new ArrayList<>();
        for (MeasureCategory each : goal.categories()) {
            List<OptionAnswer> options = new ArrayList<>(answer.inhoud().category(each.id())
                    .map(CategoryAnswer::options).orElse(List.of()));
            if (each.equals(category)) {
                options.removeIf(o -> o.option().equals("not-in-policy"));
                options.add(new OptionAnswer(option.id(), option.needsText() ? "Eigen aanpak" : null));
            } else if (options.isEmpty()) {
                options.add(OptionAnswer.of("not-in-policy"));
            }
            categories.add(new CategoryAnswer(each.id(), options));
        }
        return new GoalAnswer(answer.goal(), answer.borging(),
                new InhoudAnswer(true, categories, answer.inhoud().otherMeasure()), answer.bereik());
    }

    private static Assessment replaceGoal(Assessment assessment, GoalAnswer before, GoalAnswer after) {
        List<GoalAnswer> goals = assessment.goals().stream().map(g -> g == before ? after : g).toList();
        return new Assessment(assessment.municipality(), assessment.year(), assessment.questionnaireVersion(), goals,
                assessment.extras());
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Random valid assessments; each is built from a seed, so a failure names a reproducible seed. */
    @Provide
    Arbitrary<Assessment> assessments() {
        return Arbitraries.longs().map(seed -> randomAssessment(new Random(seed)));
    }

    static Assessment randomAssessment(Random random) {
        List<Goal> goals = new ArrayList<>(V1.goals());
        Collections.shuffle(goals, random);
        List<GoalAnswer> answers = goals.subList(0, 1 + random.nextInt(goals.size())).stream()
                .map(goal -> randomGoal(goal, random)).toList();
        return new Assessment(MUNICIPALITY, YEAR, 1, answers, random.nextBoolean() ? randomExtras(random) : null);
    }

    private static GoalAnswer randomGoal(Goal goal, Random random) {
        return new GoalAnswer(goal.number(), randomBorging(random), randomInhoud(goal, random), randomBereik(random));
    }

    private static BorgingAnswer randomBorging(Random random) {
        Inclusion inclusion = pick(Inclusion.values(), random);
        boolean laidDown = inclusion == Inclusion.INCLUDED && random.nextBoolean();
        List<String> documents = laidDown
                ? subset(V1.borging().documentKinds(), 1, random).stream().map(ChoiceOption::id).toList()
                : List.of();
        return new BorgingAnswer(inclusion, laidDown, documents, documents.contains("other") ? "Collegeprogramma" : null);
    }

    private static InhoudAnswer randomInhoud(Goal goal, Random random) {
        if (random.nextInt(4) == 0) {
            return new InhoudAnswer(false, List.of(), null);
        }
        List<CategoryAnswer> categories = new ArrayList<>();
        for (MeasureCategory category : goal.categories()) {
            List<OptionAnswer> options;
            if (random.nextInt(3) == 0) {
                options = List.of(OptionAnswer.of("not-in-policy"));
            } else {
                List<MeasureOption> measures = category.options().stream()
                        .filter(Predicate.not(MeasureOption::isNotInPolicy)).toList();
                options = subset(measures, 1, random).stream()
                        .map(o -> new OptionAnswer(o.id(), o.needsText() ? "Eigen programma" : null)).toList();
            }
            categories.add(new CategoryAnswer(category.id(), options));
        }
        Collections.shuffle(categories, random);
        return new InhoudAnswer(true, categories, random.nextBoolean() ? "Buurtvaders" : null);
    }

    private static BereikAnswer randomBereik(Random random) {
        return random.nextBoolean() ? new BereikAnswer(true, pick(ReachShare.values(), random))
                : new BereikAnswer(false, null);
    }

    private static ExtraAnswers randomExtras(Random random) {
        boolean youth = random.nextBoolean();
        return new ExtraAnswers(randomMultipleChoice(ExtraQuestion.RISK_GROUP_FIGURES, random),
                randomMultipleChoice(ExtraQuestion.TARGET_GROUP_POLICY, random),
                new SelfAssessmentGrades(1 + random.nextInt(10), 1 + random.nextInt(10), 1 + random.nextInt(10)),
                pick(V1.requireExtraQuestion(ExtraQuestion.COOPERATION_IMPROVED).options(), random).id(), null,
                youth, youth ? "Jongerenraad" : null,
                pick(V1.requireExtraQuestion(ExtraQuestion.REGIONAL_VISION).options(), random).id());
    }

    private static List<String> randomMultipleChoice(String questionId, Random random) {
        List<ChoiceOption> options = V1.requireExtraQuestion(questionId).options();
        if (random.nextInt(5) == 0) {
            return options.stream().filter(ChoiceOption::exclusive).map(ChoiceOption::id).toList();
        }
        return subset(options.stream().filter(o -> !o.exclusive()).toList(), 0, random).stream()
                .map(ChoiceOption::id).toList();
    }

    private static <T> List<T> subset(List<T> items, int atLeast, Random random) {
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, atLeast + random.nextInt(items.size() - atLeast + 1)));
    }

    private static <T> T pick(T[] items, Random random) {
        return items[random.nextInt(items.length)];
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}
