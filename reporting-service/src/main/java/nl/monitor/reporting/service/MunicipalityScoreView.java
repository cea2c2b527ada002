package nl.monitor.reporting.service;

import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A municipality's current score for a year, as the API returns it.
 *
 * @param region         the Veilig Thuis region
 * @param sizeClass      1-5, Tabel 3.1
 * @param sizeClassLabel the size class as Tabel 3.1 prints it
 * @param total          the mean of the goal totals over the {@code goalsAnswered} goals
 * @param goals          per answered goal: borging, inhoud, bereik, total and band
 * @param submissionVersion the version of the municipality's assessment this score belongs to
 */
public record MunicipalityScoreView(String municipality, String name, String region, int sizeClass,
                                    String sizeClassLabel, int year, double total, Band band, int goalsAnswered,
                                    List<GoalScore> goals, UUID submissionId, int submissionVersion,
                                    int rulesVersion, Instant computedAt) {
}
