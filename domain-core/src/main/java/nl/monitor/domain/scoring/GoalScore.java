package nl.monitor.domain.scoring;

/**
 * The score of one answered goal: its three parts, their sum (0-100 under version 1) and the total's band.
 */
public record GoalScore(int goal, double borging, double inhoud, double bereik, double total, Band band) {

    public double points(Component component) {
        return switch (component) {
            case BORGING -> borging;
            case INHOUD -> inhoud;
            case BEREIK -> bereik;
        };
    }
}
