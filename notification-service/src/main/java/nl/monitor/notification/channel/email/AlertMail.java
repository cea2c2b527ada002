package nl.monitor.notification.channel.email;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.Band;
import nl.monitor.notification.Alert;
import nl.monitor.notification.delivery.DigestPayload;
import nl.monitor.notification.delivery.WebhookPayload;

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
        String what = scope(alert.threshold(), alert.questionnaireVersion());
        double value = alert.threshold().value();
        String threshold = (value == Math.rint(value) ? String.format(DUTCH, "%.0f", value) : score(value)) + " punten";
        boolean resolved = Alert.RESOLVED.equals(alert.type());
        String movement = alert.direction() == ThresholdCrossed.Direction.DOWN
                ? "gezakt onder " + threshold : (resolved ? "weer boven " : "gestegen boven ") + threshold;
        String now = score(alert.newScore()) + " " + band(alert.newBand());
        String change = alert.previousScore() == null ? now + " (eerste score)"
                : now + " (was " + score(alert.previousScore())
                + (alert.previousBand() == null ? "" : " " + band(alert.previousBand())) + ")";
        String subject = (resolved ? "Opgelost: " : "Signalering: ") + name + " " + movement + " — " + what + " "
                + change;
        String link = link(alert, cardUrl);
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

    /**
     * The daily digest: the subject names the region and how many alerts it carries; the body has one paragraph per
     * alert (its subject line, its bands and its card link).
     */
    public static AlertMail digest(DigestPayload digest, String cardUrl) {
        int count = digest.alerts().size();
        String subject = "Dagoverzicht signaleringen regio " + digest.region() + ": " + count
                + (count == 1 ? " melding" : " meldingen");
        StringBuilder body = new StringBuilder("Beste coördinator,\n\nHet dagoverzicht van de Monitor Aanpak "
                + "Kindermishandeling voor regio " + digest.region() + " bevat " + count
                + (count == 1 ? " melding" : " meldingen") + ":\n\n");
        for (WebhookPayload alert : digest.alerts()) {
            AlertMail one = of(alert, cardUrl);
            body.append("- ").append(one.subject()).append("\n")
                    .append("  ").append(bands(alert)).append("\n")
                    .append("  Gemeentekaart: ").append(link(alert, cardUrl)).append("\n\n");
        }
        body.append("Overzicht ").append(digest.deliveryId()).append(".\n")
                .append("U ontvangt dit dagoverzicht omdat u bent geabonneerd op signaleringen voor regio ")
                .append(digest.region()).append(".\n");
        return new AlertMail(subject, body.toString());
    }

    private static String bands(WebhookPayload alert) {
        return (alert.previousBand() == null ? "eerste score" : band(alert.previousBand())) + " → "
                + band(alert.newBand()) + ", jaar " + alert.year();
    }

    private static String link(WebhookPayload alert, String cardUrl) {
        return cardUrl.replace("{municipality}", alert.municipality()).replace("{year}", Integer.toString(alert.year()));
    }

    private static String scope(ThresholdCrossed.Threshold threshold, Integer questionnaireVersion) {
        if (threshold.scope() == ThresholdCrossed.Threshold.Scope.TOTAL) {
            return "totaalscore";
        }
        // the goal as the questionnaire of the scored submission names it (the wave's), the latest for older alerts
        Questionnaire questionnaire = questionnaireVersion != null && Questionnaires.exists(questionnaireVersion)
                ? Questionnaires.version(questionnaireVersion) : Questionnaires.latest();
        String title = questionnaire.goal(threshold.goal()).map(Goal::title).orElse(null);
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
