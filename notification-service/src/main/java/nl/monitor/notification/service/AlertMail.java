package nl.monitor.notification.service;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.Band;
import nl.monitor.notification.Alert;

import java.util.Locale;

/**
 * The Dutch e-mail about one alert: the subject names the municipality, the goal or total, and the new and old score;
 * the body adds the bands, the year, the region and a link to the municipality's card. Rendered from the delivery's
 * fixed payload, so every attempt sends the same text.
 */
public record AlertMail(String subject, String body) {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    /**
     * @param cardUrl the link to the municipality card, with {@code {municipality}} and {@code {year}} placeholders
     */
    public static AlertMail of(WebhookPayload alert, String cardUrl) {
        String name = alert.municipalityName() == null ? alert.municipality() : alert.municipalityName();
        String what = scope(alert.threshold());
        double value = alert.threshold().value();
        String threshold = (value == Math.rint(value) ? String.format(DUTCH, "%.0f", value) : score(value)) + " punten";
        boolean resolved = Alert.RESOLVED.equals(alert.type());
        String movement = alert.direction() == ThresholdCrossed.Direction.DOWN
                ? "gezakt onder " + threshold : (resolved ? "weer boven " : "gestegen boven ") + threshold;
        String change = alert.previousScore() == null
                ? score(alert.newScore()) + " (eerste score)"
                : score(alert.newScore()) + " (was " + score(alert.previousScore()) + ")";
        String subject = (resolved ? "Opgelost: " : "Signalering: ") + name + " " + movement + " — " + what + " "
                + change;
        String link = cardUrl.replace("{municipality}", alert.municipality())
                .replace("{year}", Integer.toString(alert.year()));
        String body = "Beste coördinator,\n\n"
                + "De Monitor Aanpak Kindermishandeling meldt voor " + name + " (" + alert.municipality() + ", regio "
                + alert.region() + "), jaar " + alert.year() + ":\n"
                + "de " + what + " is " + movement + ".\n\n"
                + "  Vorige score: " + (alert.previousScore() == null ? "geen (dit is de eerste score)"
                : score(alert.previousScore()) + " (" + band(alert.previousBand()) + ")") + "\n"
                + "  Nieuwe score: " + score(alert.newScore()) + " (" + band(alert.newBand()) + ")\n\n"
                + (resolved ? "Hiermee is de eerdere signalering opgelost.\n\n" : "")
                + "Bekijk de gemeentekaart: " + link + "\n\n"
                + "Melding " + alert.alertId() + ", bericht " + alert.deliveryId() + ".\n"
                + "U ontvangt dit bericht omdat u bent geabonneerd op signaleringen voor regio " + alert.region()
                + ".\n";
        return new AlertMail(subject, body);
    }

    private static String scope(ThresholdCrossed.Threshold threshold) {
        if (threshold.scope() == ThresholdCrossed.Threshold.Scope.TOTAL) {
            return "totaalscore";
        }
        String title = Questionnaires.latest().goal(threshold.goal()).map(Goal::title).orElse(null);
        return "score op doel " + threshold.goal() + (title == null ? "" : " (" + title + ")");
    }

    /** One decimal with a decimal comma, as Dutch readers write it: 22,5. */
    private static String score(double value) {
        return String.format(DUTCH, "%.1f", value);
    }

    private static String band(Band band) {
        return switch (band) {
            case RED -> "rood";
            case ORANGE -> "oranje";
            case GREEN -> "groen";
        };
    }
}
