package nl.monitor.domain.assessment;

import nl.monitor.domain.questionnaire.ReachShare;

/**
 * Bereik: insight into the reach of the measures, and if so the share of the target group reached.
 *
 * @param share required with insight, forbidden without
 */
public record BereikAnswer(boolean insight, ReachShare share) {
}
