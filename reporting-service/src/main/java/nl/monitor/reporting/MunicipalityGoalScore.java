package nl.monitor.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;

/** One answered goal of a municipality's current score: its three parts, their sum and the band. */
@Embeddable
public class MunicipalityGoalScore {

    @Column(nullable = false)
    public int goal;

    @Column(nullable = false)
    public double borging;

    @Column(nullable = false)
    public double inhoud;

    @Column(nullable = false)
    public double bereik;

    @Column(nullable = false)
    public double total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Band band;

    public GoalScore toGoalScore() {
        return new GoalScore(goal, borging, inhoud, bereik, total, band);
    }
}
