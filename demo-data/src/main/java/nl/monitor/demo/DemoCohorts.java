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
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reference.SizeClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Realistic demo cohorts of the Monitor's two waves, 2014 and 2017, each on the municipal division its wave invited,
 * from a fixed seed: the same seed gives the same assessments, every one valid against the questionnaire.
 * <p>
 * Participation is that of Tabel 3.1 of the 2017 report, exactly: 2017 on the 388 municipalities of 1 January 2017,
 * 169 participants (61/66/21/18/3 per size class); 2014 on the 408 of 1 January 2013, 208 participants, which fold
 * onto 197 municipalities of 2017 (83/76/18/17/3 per 2017 size class): eleven 2014 participants went into a 2017
 * municipality with another participant (Krimpenerwaard, Gooise Meren, Meierijstad, Alkmaar, Nissewaard: every one of
 * their predecessors took part). Which municipalities take part is a seeded draw per size class. Each municipality
 * has a maturity between 0 and 1, higher for larger municipalities and a little higher in 2017, which drives how far
 * each goal is in policy, laid down, filled with measures and reaching its target group, with noise per goal: most
 * totals land orange, some red, a few green, as the report found. GM0014 (Groningen) is left out: the local run's
 * demo submits it by hand.
 */
public final class DemoCohorts {

    /** The seed the local run uses. */
    public static final long SEED = 20171120L;
    public static final List<Integer> YEARS = List.of(2014, 2017);
    /** Left out of the cohorts: the local run's curl demo submits it and expects a first score. */
    public static final String DEMO_MUNICIPALITY = "GM0014";
    /** The division the size classes of Tabel 3.1 are counted in ("indeling 2017"), and that of the 2017 wave. */
    public static final int CLASS_DIVISION = 2017;

    /** Participants per size class (1-5) of Tabel 3.1, in the 2017 division: 2014 folded onto it, and 2017. */
    private static final Map<Integer, int[]> PARTICIPANTS = Map.of(
            2014, new int[]{83, 76, 18, 17, 3},
            2017, new int[]{61, 66, 21, 18, 3});
    /**
     * 2017 municipalities all of whose 2013 predecessors took part in 2014: 208 participants, 197 in 2017
     * (Krimpenerwaard 5, Gooise Meren 3, Meierijstad 3, Alkmaar 3, Nissewaard 2).
     */
    static final List<String> FULLY_MERGED_2014 = List.of("GM1931", "GM1942", "GM1948", "GM0361", "GM1930");

    private final Questionnaire questionnaire = Questionnaires.latest();
    private final long seed;

    public DemoCohorts(long seed) {
        this.seed = seed;
    }

    public static DemoCohorts standard() {
        return new DemoCohorts(SEED);
    }

    /** The assessments of one wave (2014 or 2017) under the codes of its division, in the order of the codes. */
    public List<Assessment> wave(int year) {
        int[] participants = PARTICIPANTS.get(year);
        if (participants == null) {
            throw new IllegalArgumentException("Demo waves are " + YEARS + ", not " + year);
        }
        MunicipalityDivision division = MunicipalityDivisions.forYear(year);
        MunicipalityDivision classes = MunicipalityDivisions.of(CLASS_DIVISION).orElseThrow();
        Random draw = new Random(seed * 31 + year);
        List<String> codes = new ArrayList<>();
        for (SizeClass sizeClass : SizeClass.values()) {
            List<Municipality> candidates = new ArrayList<>(classes.all().stream()
                    .filter(m -> m.sizeClass() == sizeClass && !m.code().equals(DEMO_MUNICIPALITY)).toList());
            int wanted = participants[sizeClass.number() - 1];
            List<Municipality> chosen = new ArrayList<>();
            if (division.year() != CLASS_DIVISION) {
                candidates.stream().filter(m -> FULLY_MERGED_2014.contains(m.code())).forEach(chosen::add);
                candidates.removeAll(chosen);
            }
            Collections.shuffle(candidates, draw);
            chosen.addAll(candidates.subList(0, wanted - chosen.size()));
            for (Municipality later : chosen) {
                // a 2017 municipality took part in 2014 when one of its 2013 predecessors did (never a split one)
                List<String> predecessors = MunicipalityDivisions.predecessorsIn(later.code(), CLASS_DIVISION,
                                division.year()).stream().map(Municipality::code)
                        .filter(c -> MunicipalityDivisions.successorsIn(c, division.year(), CLASS_DIVISION).size() == 1)
                        .toList();
                if (FULLY_MERGED_2014.contains(later.code()) || division.year() == CLASS_DIVISION) {
                    codes.addAll(predecessors);
                } else {
                    codes.add(predecessors.get(draw.nextInt(predecessors.size())));
                }
            }
        }
        List<Assessment> wave = new ArrayList<>();
        DocumentShares documents = documentShares();
        for (String code : codes.stream().sorted().toList()) {
            // One stream per municipality and year: its answers do not depend on who else takes part.
            Random random = new Random(new SplittableRandom(seed ^ code.hashCode() * 31L + year).nextLong());
            SizeClass sizeClass = division.municipality(code).orElseThrow().sizeClass();
            double maturity = clamp((random.nextDouble() + random.nextDouble() + random.nextDouble()) / 3
                    + 0.06 * (sizeClass.number() - 2) + (year >= 2017 ? 0.05 : 0) - 0.08);
            wave.add(assessment(code, year, maturity, random, documents));
        }
        return wave;
    }

    /**
     * A valid assessment of one municipality with a random maturity (any band), for load and fault tests: drawn from
     * {@code random}, so a seeded generator gives the same one again.
     */
    public Assessment random(String code, int year, Random random) {
        return assessment(code, year, clamp(random.nextDouble() * 1.1 - 0.05), random, documentShares());
    }

    private DocumentShares documentShares() {
        return new DocumentShares(questionnaire.borging().documentKinds());
    }

    private Assessment assessment(String code, int year, double maturity, Random random, DocumentShares documents) {
        List<GoalAnswer> goals = new ArrayList<>();
        for (Goal goal : questionnaire.goals()) {
            if (random.nextDouble() < 0.93) {
                double level = clamp(maturity + (random.nextDouble() - 0.5) * 0.5);
                goals.add(goal(goal, level, random, documents));
            }
        }
        return new Assessment(code, year, questionnaire.version(), goals, extras(maturity, random));
    }

    private GoalAnswer goal(Goal goal, double level, Random random, DocumentShares kindsInShare) {
        Inclusion inclusion = chance(random, 0.15 + 0.8 * level) ? Inclusion.INCLUDED
                : chance(random, 0.5) ? Inclusion.INTENDED : Inclusion.NOT_INCLUDED;
        boolean laidDown = inclusion == Inclusion.INCLUDED && chance(random, 0.2 + 0.7 * level);
        List<String> documents = new ArrayList<>();
        String otherDocument = null;
        if (laidDown) {
            // Whether a second document is named is drawn as before (the same draws, so every other answer of the
            // cohort stays as it was); which kinds follow the 2017 report's shares (DocumentShares).
            int kinds = (int) questionnaire.borging().documentKinds().stream()
                    .filter(k -> k.kind() != OptionKind.OTHER).count();
            int first = random.nextInt(kinds);
            int second = random.nextInt(kinds);
            int named = chance(random, 0.4) && first != second ? 2 : 1;
            for (int i = 0; i < named; i++) {
                ChoiceOption kind = kindsInShare.next(documents);
                documents.add(kind.id());
                if (kind.kind() == OptionKind.OTHER) {
                    otherDocument = "Beleidsplan veiligheid";
                }
            }
        }
        BorgingAnswer borging = new BorgingAnswer(inclusion, laidDown, documents, otherDocument);

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
