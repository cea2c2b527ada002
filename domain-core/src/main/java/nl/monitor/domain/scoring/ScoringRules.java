package nl.monitor.domain.scoring;

import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.ReachShare;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A version of the scoring rules: the points per answer, as data (see {@code scoring-rules-v<N>.yaml}).
 * Obtain one from {@link ScoringRulesCatalog}; score with {@link Scorer}.
 */
public record ScoringRules(int version, int questionnaireVersion, BorgingPoints borging, InhoudPoints inhoud,
                           BereikPoints bereik, Bands bands) {

    /** Points for the borging part. */
    public record BorgingPoints(Map<Inclusion, Double> inclusion, double laidDownInDocument) {
        public BorgingPoints {
            inclusion = Map.copyOf(inclusion);
        }

        public double forInclusion(Inclusion answer) {
            return inclusion.get(answer);
        }

        /** The most a goal can earn here: included and laid down, or the best other inclusion answer. */
        public double maximum() {
            double best = Collections.max(inclusion.values());
            return Math.max(best, inclusion.get(Inclusion.INCLUDED) + laidDownInDocument);
        }
    }

    /** Points for the inhoud part: for deploying measures, and a total divided equally over the categories. */
    public record InhoudPoints(double deploysMeasures, double categoriesTotal) {
        public double perCategory(int categoryCount) {
            return categoriesTotal / categoryCount;
        }

        public double maximum() {
            return deploysMeasures + categoriesTotal;
        }
    }

    /** Points for the bereik part. */
    public record BereikPoints(double insight, Map<ReachShare, Double> share) {
        public BereikPoints {
            share = Map.copyOf(share);
        }

        public double forShare(ReachShare answer) {
            return share.get(answer);
        }

        public double maximum() {
            return insight + Collections.max(share.values());
        }
    }

    /** The band limits: red strictly below {@code redBelow}, green strictly above {@code greenAbove}. */
    public record Bands(double redBelow, double greenAbove) {
        public Band classify(double score) {
            if (score < redBelow) {
                return Band.RED;
            }
            return score > greenAbove ? Band.GREEN : Band.ORANGE;
        }
    }

    public double maximum(Component component) {
        return switch (component) {
            case BORGING -> borging.maximum();
            case INHOUD -> inhoud.maximum();
            case BEREIK -> bereik.maximum();
        };
    }

    public double maximum(Set<Component> components) {
        return components.stream().mapToDouble(this::maximum).sum();
    }

    /** The most a goal can score with every component on (100 in version 1). */
    public double goalMaximum() {
        return maximum(EnumSet.allOf(Component.class));
    }
}
