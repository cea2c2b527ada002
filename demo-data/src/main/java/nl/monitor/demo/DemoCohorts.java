package nl.monitor.demo;

import nl.monitor.domain.assessment.Assessment;
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
import nl.monitor.domain.questionnaire.OptionKind;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.SizeClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Realistic demo cohorts of the Monitor's two waves, 2014 and 2017, over the reference municipalities, from a fixed
 * seed: the same seed gives the same assessments, every one valid against the questionnaire.
 * <p>
 * Participation per size class follows the response of Tabel 3.1 of the 2017 report (e.g. 49% of the smallest
 * municipalities in 2014, 36% in 2017; three of the four largest in both). Each municipality has a maturity between
 * 0 and 1, higher for larger municipalities and a little higher in 2017, which drives how far each goal is in policy,
 * laid down, filled with measures and reaching its target group, with noise per goal: most totals land orange, some
 * red, a few green, as the report found. GM0014 (Groningen) is left out: the local run's demo submits it by hand.
 */
public final class DemoCohorts {

    /** The seed the local run uses. */
    public static final long SEED = 20171120L;
    public static final List<Integer> YEARS = List.of(2014, 2017);
    /** Left out of the cohorts: the local run's curl demo submits it and expects a first score. */
    public static final String DEMO_MUNICIPALITY = "GM0014";

    /** Response per size class (1-5) of Tabel 3.1: participated / invited, per wave. */
    private static final Map<Integer, double[]> RESPONSE = Map.of(
            2014, new double[]{83 / 171.0, 76 / 140.0, 18 / 47.0, 17 / 26.0, 3 / 4.0},
            2017, new double[]{61 / 171.0, 66 / 140.0, 21 / 47.0, 18 / 26.0, 3 / 4.0});

    private final Questionnaire questionnaire = Questionnaires.latest();
    private final MunicipalityDivision municipalities;
    private final long seed;

    public DemoCohorts(MunicipalityDivision municipalities, long seed) {
        this.municipalities = municipalities;
        this.seed = seed;
    }

    public static DemoCohorts standard() {
        return new DemoCohorts(MunicipalityDivision.shipped(), SEED);
    }

    /** The assessments of one wave (2014 or 2017), in the order of the municipality codes. */
    public List<Assessment> wave(int year) {
        double[] response = RESPONSE.get(year);
        if (response == null) {
            throw new IllegalArgumentException("Demo waves are " + YEARS + ", not " + year);
        }
        List<Assessment> wave = new ArrayList<>();
        for (Municipality municipality : municipalities.all()) {
            if (municipality.code().equals(DEMO_MUNICIPALITY)) {
                continue;
            }
            // One stream per municipality and year: adding a municipality does not reshuffle the others.
            Random random = new Random(new SplittableRandom(seed ^ municipality.code().hashCode() * 31L + year)
                    .nextLong());
            SizeClass sizeClass = municipality.sizeClass();
            if (random.nextDouble() >= response[sizeClass.number() - 1]) {
                continue;
            }
            double maturity = clamp((random.nextDouble() + random.nextDouble() + random.nextDouble()) / 3
                    + 0.06 * (sizeClass.number() - 2) + (year >= 2017 ? 0.05 : 0) - 0.08);
            wave.add(assessment(municipality.code(), year, maturity, random));
        }
        return wave;
    }

    /**
     * A valid assessment of one municipality with a random maturity (any band), for load and fault tests: drawn from
     * {@code random}, so a seeded generator gives the same one again.
     */
    public Assessment random(String code, int year, Random random) {
        return assessment(code, year, clamp(random.nextDouble() * 1.1 - 0.05), random);
    }

    private Assessment assessment(String code, int year, double maturity, Random random) {
        List<GoalAnswer> goals = new ArrayList<>();
        for (Goal goal : questionnaire.goals()) {
            if (random.nextDouble() < 0.93) {
                double level = clamp(maturity + (random.nextDouble() - 0.5) * 0.5);
                goals.add(goal(goal, level, random));
            }
        }
        return new Assessment(code, year, questionnaire.version(), goals, extras(maturity, random));
    }

    private GoalAnswer goal(Goal goal, double level, Random random) {
        Inclusion inclusion = chance(random, 0.15 + 0.8 * level) ? Inclusion.INCLUDED
                : chance(random, 0.5) ? Inclusion.INTENDED : Inclusion.NOT_INCLUDED;
        boolean laidDown = inclusion == Inclusion.INCLUDED && chance(random, 0.2 + 0.7 * level);
        List<String> documents = new ArrayList<>();
        if (laidDown) {
            List<ChoiceOption> kinds = questionnaire.borging().documentKinds().stream()
                    .filter(k -> k.kind() != OptionKind.OTHER).toList();
            documents.add(kinds.get(random.nextInt(kinds.size())).id());
            ChoiceOption second = kinds.get(random.nextInt(kinds.size()));
            if (chance(random, 0.4) && !documents.contains(second.id())) {
                documents.add(second.id());
            }
        }
        BorgingAnswer borging = new BorgingAnswer(inclusion, laidDown, documents, null);

        boolean deploys = chance(random, 0.2 + 0.75 * level);
        List<CategoryAnswer> categories = new ArrayList<>();
        if (deploys) {
            for (MeasureCategory category : goal.categories()) {
                categories.add(category(category, level, random));
            }
        }
        InhoudAnswer inhoud = new InhoudAnswer(deploys, categories, null);

        boolean insight = chance(random, 0.15 + 0.7 * level);
        ReachShare share = null;
        if (insight) {
            double reach = clamp(level + (random.nextDouble() - 0.5) * 0.4);
            ReachShare[] shares = ReachShare.values();
            share = shares[Math.min(shares.length - 1, (int) (reach * shares.length))];
        }
        return new GoalAnswer(goal.number(), borging, inhoud, new BereikAnswer(insight, share));
    }

    private static CategoryAnswer category(MeasureCategory category, double level, Random random) {
        List<MeasureOption> measures = category.options().stream().filter(o -> o.kind() == OptionKind.MEASURE)
                .toList();
        if (measures.isEmpty() || chance(random, 0.35 * (1 - level))) {
            MeasureOption notInPolicy = category.options().stream().filter(MeasureOption::isNotInPolicy).findFirst()
                    .orElse(null);
            if (notInPolicy != null) {
                return new CategoryAnswer(category.id(), List.of(OptionAnswer.of(notInPolicy.id())));
            }
        }
        List<OptionAnswer> chosen = new ArrayList<>();
        for (MeasureOption option : measures) {
            if (chance(random, 0.1 + 0.6 * level)) {
                chosen.add(OptionAnswer.of(option.id()));
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(OptionAnswer.of(measures.get(random.nextInt(measures.size())).id()));
        }
        category.options().stream().filter(MeasureOption::needsText).findFirst()
                .filter(other -> chance(random, 0.05))
                .ifPresent(other -> chosen.add(new OptionAnswer(other.id(), "Eigen lokale aanpak")));
        return new CategoryAnswer(category.id(), chosen);
    }

    private ExtraAnswers extras(double maturity, Random random) {
        int past = 3 + random.nextInt(4) + (int) Math.round(maturity * 2);
        int current = Math.min(10, past + random.nextInt(3));
        int expected = Math.min(10, current + random.nextInt(3));
        boolean youthInvolved = chance(random, 0.1 + 0.3 * maturity);
        return new ExtraAnswers(
                multipleChoice(ExtraQuestion.RISK_GROUP_FIGURES, maturity, random),
                multipleChoice(ExtraQuestion.TARGET_GROUP_POLICY, maturity, random),
                new SelfAssessmentGrades(past, current, expected),
                singleChoice(ExtraQuestion.COOPERATION_IMPROVED, random),
                null, youthInvolved, null,
                singleChoice(ExtraQuestion.REGIONAL_VISION, random));
    }

    private List<String> multipleChoice(String question, double maturity, Random random) {
        List<ChoiceOption> options = questionnaire.requireExtraQuestion(question).options();
        List<String> chosen = new ArrayList<>();
        for (ChoiceOption option : options) {
            if (!option.exclusive() && option.kind() == OptionKind.MEASURE && chance(random, 0.1 + 0.5 * maturity)) {
                chosen.add(option.id());
            }
        }
        if (chosen.isEmpty()) {
            options.stream().filter(ChoiceOption::exclusive).findFirst().ifPresent(none -> chosen.add(none.id()));
        }
        return chosen;
    }

    private String singleChoice(String question, Random random) {
        List<ChoiceOption> options = questionnaire.requireExtraQuestion(question).options().stream()
                .filter(o -> o.kind() != OptionKind.OTHER).toList();
        return options.get(random.nextInt(options.size())).id();
    }

    private static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
