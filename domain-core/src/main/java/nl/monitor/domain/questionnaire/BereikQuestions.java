package nl.monitor.domain.questionnaire;

import java.util.Map;

/** The bereik part, the same for every goal: insight into reach, and the share reached. */
public record BereikQuestions(String insightQuestion, String shareQuestion, Map<ReachShare, String> shareLabels) {

    public BereikQuestions {
        shareLabels = Map.copyOf(shareLabels);
    }
}
