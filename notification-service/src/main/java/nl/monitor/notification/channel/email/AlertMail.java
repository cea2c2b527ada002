package nl.monitor.notification.channel.email;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Unit;
import nl.monitor.notification.Alert;
import nl.monitor.notification.IndicatorAlert;
import nl.monitor.notification.TargetAlert;
import nl.monitor.notification.delivery.DigestPayload;
import nl.monitor.notification.delivery.WebhookPayload;

import java.math.BigDecimal;
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
        if (alert.target() != null) {
            return target(alert, cardUrl);
        }
        if (alert.indicator() != null) {
            return indicator(alert, cardUrl);
        }
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
                    .append("  ").append(bands(alert)).append("\n");
            if (alert.municipality() != null) {
                body.append("  Gemeentekaart: ").append(link(alert, cardUrl)).append("\n");
            }
            body.append("\n");
        }
        body.append("Overzicht ").append(digest.deliveryId()).append(".\n")
                .append("U ontvangt dit dagoverzicht omdat u bent geabonneerd op signaleringen voor regio ")
                .append(digest.region()).append(".\n");
        return new AlertMail(subject, body.toString());
    }

    /**
     * An alert on an indicator figure: the subject names the area, the threshold and its side, the indicator's Dutch
     * title and breakdown, the period, and the new and old value; the body adds the region, the versions and (for a
     * municipality's figure) the card link.
     */
    private static AlertMail indicator(WebhookPayload alert, String cardUrl) {
        IndicatorAlert i = alert.indicator();
        boolean firing = i.alertWhen() == ThresholdCrossed.AlertWhen.ABOVE
                ? alert.direction() == ThresholdCrossed.Direction.UP
                : alert.direction() == ThresholdCrossed.Direction.DOWN;
        String side = i.alertWhen() == ThresholdCrossed.AlertWhen.ABOVE ? "boven" : "onder";
        String threshold = amount(i.threshold(), i.unit());
        String movement = firing ? (i.alertWhen() == ThresholdCrossed.AlertWhen.ABOVE ? "gestegen boven " : "gedaald onder ")
                + threshold : "niet meer " + side + " " + threshold;
        String area = areaOf(i);
        String what = i.title() + (i.breakdown().isEmpty() ? "" : " (" + i.breakdownLabel() + ")");
        String previous = i.previousValue() == null ? "eerste cijfer"
                : "was " + amount(i.previousValue(), i.unit()) + " in " + i.previousPeriod()
                + (i.period().equals(i.previousPeriod()) ? " vóór de correctie" : "");
        boolean resolved = Alert.RESOLVED.equals(alert.type());
        String subject = (resolved ? "Opgelost: " : "Signalering: ") + area + " " + movement + " — " + what + ", "
                + i.period() + ": " + amount(i.value(), i.unit()) + " (" + previous + ")";
        String body = "Beste coördinator,\n\n"
                + "De Monitor Aanpak Kindermishandeling meldt voor " + (i.level() == AreaLevel.MUNICIPALITY
                ? i.areaName() + " (" + i.area() + ", regio " + alert.region() + ")" : area) + ", periode "
                + i.period() + ":\n"
                + "de indicator \"" + i.title() + "\" (" + i.breakdownLabel() + ") is " + movement + ".\n\n"
                + "  Drempel: signaleren " + side + " " + threshold + "\n"
                + "  Vorige waarde: " + (i.previousValue() == null ? "geen (dit is het eerste cijfer)"
                : amount(i.previousValue(), i.unit()) + " (" + i.previousPeriod() + ")") + "\n"
                + "  Nieuwe waarde: " + amount(i.value(), i.unit()) + " (" + i.period()
                + (i.figureVersion() > 1 ? ", correctie " + i.figureVersion() : "") + ")\n\n"
                + (resolved ? "Hiermee is de eerdere signalering opgelost.\n\n" : "")
                + (alert.municipality() == null ? "" : "Bekijk de gemeentekaart: " + link(alert, cardUrl) + "\n\n")
                + "Melding " + alert.alertId() + ", bericht " + alert.deliveryId() + ".\n"
                + "U ontvangt dit bericht omdat u bent geabonneerd op signaleringen voor regio " + alert.region()
                + ".\n";
        return new AlertMail(subject, body);
    }

    /**
     * An alert on a municipality's own target: the subject names the municipality, the goal (with its title) or the
     * indicator (with its breakdown), the target's year, the result and the target ("Eigen doel niet gehaald: Emmen,
     * doel 1 (…) — 2024: 42 punten, doel 55"); the body adds the region, the direction that meets it, the previous
     * result, the plan's version and the card link.
     */
    private static AlertMail target(WebhookPayload alert, String cardUrl) {
        TargetAlert t = alert.target();
        String name = alert.municipalityName() == null ? alert.municipality() : alert.municipalityName();
        String what = t.kind() == ThresholdCrossed.TargetKind.GOAL
                ? "doel " + t.goal() + (t.title() == null ? "" : " (" + t.title() + ")")
                : t.title() + (t.breakdown().isEmpty() ? "" : " (" + t.breakdownLabel() + ")");
        String result = t.result() == null ? "geen resultaat" : amount(t.result(), t.unit(), t.kind());
        String target = amount(t.target(), t.unit(), t.kind());
        String headline;
        String state;
        String figures;
        switch (t.status()) {
            case MISSED -> {
                headline = "Eigen doel niet gehaald";
                state = "is niet gehaald";
                figures = t.year() + ": " + result + ", doel " + plain(t.target(), t.kind(), t.unit());
            }
            case MET -> {
                headline = "Eigen doel alsnog gehaald";
                state = "is alsnog gehaald";
                figures = t.year() + ": " + result + ", doel " + plain(t.target(), t.kind(), t.unit())
                        + (t.previousResult() == null ? "" : " (was " + amount(t.previousResult(), t.unit(), t.kind())
                        + ")");
            }
            default -> {
                headline = "Eigen doel vervallen";
                state = "staat niet meer in het plan";
                figures = t.year() + ": doel " + plain(t.target(), t.kind(), t.unit()) + " niet meer in het plan"
                        + (t.result() == null ? "" : " (laatste resultaat " + result + ")");
            }
        }
        String subject = headline + ": " + name + ", " + what + " — " + figures;
        String body = "Beste coördinator,\n\n"
                + "De Monitor Aanpak Kindermishandeling meldt voor " + name + " (" + alert.municipality() + ", regio "
                + alert.region() + "):\n"
                + "het eigen doel voor " + what + " in " + t.year() + " " + state + ".\n\n"
                + "  Doel van de gemeente: " + target + " in " + t.year() + " ("
                + (t.better() == nl.monitor.domain.indicator.Better.LOWER ? "lager" : "hoger") + " is beter)\n"
                + "  Resultaat " + t.year() + ": " + result
                + (t.figureVersion() != null && t.figureVersion() > 1 ? " (correctie " + t.figureVersion() + ")" : "")
                + "\n"
                + (t.previousResult() == null || t.status() == ThresholdCrossed.TargetStatus.WITHDRAWN ? ""
                : "  Eerder resultaat: " + amount(t.previousResult(), t.unit(), t.kind()) + "\n")
                + "  Plan: versie " + t.planVersion() + "\n\n"
                + (Alert.RESOLVED.equals(alert.type()) ? "Hiermee is de eerdere signalering opgelost.\n\n" : "")
                + "Bekijk de gemeentekaart: " + link(alert, cardUrl) + "\n\n"
                + "Melding " + alert.alertId() + ", bericht " + alert.deliveryId() + ".\n"
                + "U ontvangt dit bericht omdat u bent geabonneerd op signaleringen voor regio " + alert.region()
                + ".\n";
        return new AlertMail(subject, body);
    }

    /** A target or result: a goal score in points (42 punten), a figure in its unit (14,5 %). */
    private static String amount(BigDecimal value, Unit unit, ThresholdCrossed.TargetKind kind) {
        return kind == ThresholdCrossed.TargetKind.GOAL ? amount(value, null) + " punten" : amount(value, unit);
    }

    /** The target after "doel": a goal score without its unit (doel 55), a figure with it (doel 12,5 %). */
    private static String plain(BigDecimal value, ThresholdCrossed.TargetKind kind, Unit unit) {
        return kind == ThresholdCrossed.TargetKind.GOAL ? amount(value, null) : amount(value, unit);
    }

    private static String areaOf(IndicatorAlert i) {
        return i.level() == AreaLevel.MUNICIPALITY ? i.areaName() + " (" + i.area() + ")" : "regio " + i.area();
    }

    /** A figure in its unit, with a decimal comma: 14,5 %, 38 dagen, 181. */
    static String amount(BigDecimal value, Unit unit) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(DUTCH));
        String number = format.format(value);
        if (unit == Unit.PERCENTAGE) {
            return number + " %";
        }
        return unit == Unit.DAYS ? number + (value.compareTo(BigDecimal.ONE) == 0 ? " dag" : " dagen") : number;
    }

    private static String bands(WebhookPayload alert) {
        if (alert.target() != null) {
            TargetAlert t = alert.target();
            return "resultaat " + (t.result() == null ? "geen" : amount(t.result(), t.unit(), t.kind())) + ", doel "
                    + amount(t.target(), t.unit(), t.kind()) + ", jaar " + t.year();
        }
        if (alert.indicator() != null) {
            IndicatorAlert i = alert.indicator();
            return (i.previousValue() == null ? "eerste cijfer" : amount(i.previousValue(), i.unit())) + " → "
                    + amount(i.value(), i.unit()) + ", periode " + i.period();
        }
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
