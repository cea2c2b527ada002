package nl.monitor.survey.campaign;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The Dutch e-mail of one campaign step to one contact: the invitation, a reminder, or the last reminder. It names the
 * municipality, the wave's year and deadline, and links to the questionnaire for that municipality and year. The
 * headers {@code X-Monitor-Campaign} ({@code <year>/<step>}) and {@code X-Monitor-Municipality} and a Message-ID made
 * of the wave, step, municipality and address let a mail client or a test tell the messages apart.
 */
public record CampaignMail(String to, String subject, String body, Map<String, String> headers) {

    public static final String CAMPAIGN_HEADER = "X-Monitor-Campaign";
    public static final String MUNICIPALITY_HEADER = "X-Monitor-Municipality";
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DUTCH);

    /** What one mail is about. */
    public record Subject(int year, Instant openUntil, CampaignStep step, int reminders, String municipality,
                          String municipalityName, String region) {
    }

    /** Who it goes to. */
    public record Recipient(String email, String name) {
    }

    public static CampaignMail of(Subject about, Recipient to, String questionnaireUrl, ZoneId zone) {
        String municipality = about.municipalityName() + " (" + about.municipality() + ")";
        String title = "Monitor Aanpak Kindermishandeling " + about.year() + ": " + about.municipalityName();
        boolean last = !about.step().isInvitation() && about.step().reminder() >= about.reminders();
        String subject = (about.step().isInvitation() ? "Uitnodiging " : last ? "Laatste herinnering " : "Herinnering ")
                + title;
        String intro = about.step().isInvitation()
                ? "De meting " + about.year() + " van de Monitor Aanpak Kindermishandeling is geopend. Wij nodigen "
                + municipality + " uit de vragenlijst van deze meting in te vullen."
                : "Van " + municipality + " hebben wij voor de meting " + about.year() + " van de Monitor Aanpak "
                + "Kindermishandeling nog geen ingediende vragenlijst ontvangen."
                + (last ? " Dit is de laatste herinnering." : "");
        String body = "Beste " + to.name() + ",\n\n"
                + intro + "\n\n"
                + "U kunt de vragenlijst invullen " + deadline(about.openUntil(), zone) + ":\n"
                + link(questionnaireUrl, about) + "\n\n"
                + "U kunt tussentijds opslaan; de antwoorden tellen mee zodra u op \"Indienen\" klikt."
                + (about.step().isInvitation() ? "" : " Heeft u intussen ingediend, dan kunt u dit bericht negeren.")
                + "\n\n"
                + "Met vriendelijke groet,\n"
                + "Monitor Aanpak Kindermishandeling\n\n"
                + "U ontvangt dit bericht als contactpersoon van " + about.municipalityName() + " bij de Monitor. "
                + "Wijzigingen geeft u door aan de regiocoördinator van Veilig Thuis " + about.region() + ".\n";
        return new CampaignMail(to.email(), subject, body, Map.of(
                CAMPAIGN_HEADER, about.year() + "/" + about.step().name(),
                MUNICIPALITY_HEADER, about.municipality(),
                "Message-ID", "<campaign." + about.year() + "." + about.step().name() + "." + about.municipality()
                        + "." + HexFormat.of().formatHex(to.email().getBytes(StandardCharsets.UTF_8))
                        + "@survey.monitor>"));
    }

    /**
     * "tot en met 31 december 2026" when the window ends at midnight (it is exclusive), otherwise "tot 15 maart 2027,
     * 12:00 uur".
     */
    static String deadline(Instant openUntil, ZoneId zone) {
        ZonedDateTime end = openUntil.atZone(zone);
        return end.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? "tot en met " + DAY.format(end.minusDays(1))
                : "tot " + DAY.format(end) + ", " + TIME.format(end) + " uur";
    }

    private static String link(String questionnaireUrl, Subject about) {
        return questionnaireUrl + (questionnaireUrl.contains("?") ? "&" : "?") + "gemeente="
                + URLEncoder.encode(about.municipality(), StandardCharsets.UTF_8) + "&jaar=" + about.year();
    }
}
