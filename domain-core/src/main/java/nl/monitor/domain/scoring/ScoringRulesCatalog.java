package nl.monitor.domain.scoring;

import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.domain.support.Resources;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The scoring rules versions this build knows, read from {@code nl/monitor/domain/scoring-rules-v<N>.yaml}. */
public final class ScoringRulesCatalog {

    public static final int LATEST = 1;

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
        return rules;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
