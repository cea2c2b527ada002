package nl.monitor.domain.assessment;

/** The answers to one goal: its borging, inhoud and bereik parts, all three required. */
public record GoalAnswer(int goal, BorgingAnswer borging, InhoudAnswer inhoud, BereikAnswer bereik) {
}
