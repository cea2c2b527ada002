package nl.monitor.domain.scoring;

import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.domain.support.Resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scoring rules versions this build knows, read from {@code nl/monitor/domain/scoring-rules-v<N>.yaml}: versions
 * 1, 2, ... up to the first number without a file. Each scores one questionnaire version; a year is scored under
 * {@link #latestFor} its questionnaire until a rescore puts other rules in force.
 */
public final class ScoringRulesCatalog {

    /** The rules of the default questionnaire ({@link Questionnaires#LATEST}). */
    public static final int LATEST = 1;

    /** The most a goal scores under any rules: every score, band and threshold is on a 0-100 scale. */
    public static final double GOAL_SCALE = 100;

    private static final String RESOURCE = "nl/monitor/domain/scoring-rules-v%d.yaml";
    private static final Map<Integer, ScoringRules> LOADED = new ConcurrentHashMap<>();

    private ScoringRulesCatalog() {
    }

    public static ScoringRules latest() {
        return version(LATEST);
    }

    /** @throws IllegalArgumentException when this build has no rules of that version */
    public static ScoringRules version(int version) {
        return LOADED.computeIfAbsent(version, ScoringRulesCatalog::load);
    }

    public static boolean exists(int version) {
        return LOADED.containsKey(version) || Resources.exists(RESOURCE.formatted(version));
    }

    /** Every version shipped: 1, 2, ... up to the first number without a rules file. */
    public static List<ScoringRules> all() {
        List<ScoringRules> all = new ArrayList<>();
        for (int version = 1; exists(version); version++) {
            all.add(version(version));
        }
        return List.copyOf(all);
    }

    /** The highest shipped rules version that scores this questionnaire version; empty when none does. */
    public static Optional<ScoringRules> latestFor(int questionnaireVersion) {
        return all().stream().filter(r -> r.questionnaireVersion() == questionnaireVersion)
                .max(Comparator.comparingInt(ScoringRules::version));
    }

    private static ScoringRules load(int version) {
        String name = RESOURCE.formatted(version);
        if (!Resources.exists(name)) {
            throw new IllegalArgumentException("Unknown scoring rules version " + version);
        }
        ScoringRules rules = Resources.readYaml(name, ScoringRules.class);
        check(rules.version() == version, name + " declares version " + rules.version());
        check(Questionnaires.exists(rules.questionnaireVersion()),
                name + " scores unknown questionnaire version " + rules.questionnaireVersion());
        check(rules.borging().inclusion().keySet().containsAll(EnumSet.allOf(Inclusion.class)),
                name + " lacks points for an inclusion answer");
        check(rules.bereik().share().keySet().containsAll(EnumSet.allOf(ReachShare.class)),
                name + " lacks points for a reach share");
        check(rules.bands().redBelow() <= rules.bands().greenAbove(), name + " has overlapping bands");
        // Events, bands and thresholds are on the Monitor's 0-100 scale, whatever the instrument.
        check(rules.goalMaximum() == GOAL_SCALE, name + " scores a goal up to " + rules.goalMaximum() + ", not "
                + GOAL_SCALE);
        return rules;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
