package nl.monitor.notification.channel.email;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.AlertWhen;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.notification.Alert;
import nl.monitor.notification.IndicatorAlert;
import nl.monitor.notification.delivery.DigestPayload;
import nl.monitor.notification.delivery.WebhookPayload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dutch e-mail about an alert on an indicator figure: indicator, area, period, breakdown, value and previous. */
class IndicatorAlertMailTest {

    private static final String CARD = "https://monitor.example.nl/dashboard/#/card/{municipality}/{year}";

    private static WebhookPayload alert(String type, AreaLevel level, String area, Direction direction,
                                        AlertWhen when, String value, String previous, String previousPeriod,
                                        Map<String, String> breakdown, String indicator) {
        IndicatorAlert part = IndicatorAlert.of(new ThresholdCrossed.IndicatorCrossing(UUID.randomUUID(), indicator,
                1, "2024", level, area, breakdown, new BigDecimal(when == AlertWhen.ABOVE ? "12" : "30"), when,
                new BigDecimal(value), previous == null ? null : new BigDecimal(previous), previousPeriod,
                UUID.randomUUID(), 1, UUID.randomUUID().toString()));
        return new WebhookPayload(UUID.randomUUID(), UUID.randomUUID(), type,
                level == AreaLevel.MUNICIPALITY ? area : null, level == AreaLevel.MUNICIPALITY ? part.areaName() : null,
                "Groningen", 2024, null, direction,
                null, null, null, null, null, Instant.now(), Alert.RESOLVED.equals(type) ? "resolved" : "firing", null,
                null, part);
    }

    @Test
    void a_region_figure_above_its_threshold_names_indicator_breakdown_period_and_values() {
        AlertMail mail = AlertMail.of(alert(Alert.THRESHOLD_CROSSED, AreaLevel.REGION, "Groningen", Direction.UP,
                AlertWhen.ABOVE, "14.5", "11.2", "2023", Map.of("abuse-type", "sexual-abuse"), "vt-repeat-reports"), CARD);

        assertThat(mail.subject()).isEqualTo("Signalering: regio Groningen gestegen boven 12 % — Percentage "
                + "hermeldingen (Type kindermishandeling: Seksueel misbruik), 2024: 14,5 % (was 11,2 % in 2023)");
        assertThat(mail.body()).contains("voor regio Groningen, periode 2024",
                        "de indicator \"Percentage hermeldingen\" (Type kindermishandeling: Seksueel misbruik) is "
                                + "gestegen boven 12 %", "  Drempel: signaleren boven 12 %",
                        "  Vorige waarde: 11,2 % (2023)", "  Nieuwe waarde: 14,5 % (2024)")
                .doesNotContain("gemeentekaart", "opgelost");
    }

    @Test
    void a_municipality_figure_back_under_resolves_and_links_its_card() {
        AlertMail mail = AlertMail.of(alert(Alert.RESOLVED, AreaLevel.MUNICIPALITY, "GM0014", Direction.DOWN,
                AlertWhen.ABOVE, "9", "14.5", "2023", Map.of(), "vt-repeat-reports"), CARD);

        assertThat(mail.subject()).isEqualTo("Opgelost: Groningen (GM0014) niet meer boven 12 % — Percentage "
                + "hermeldingen, 2024: 9 % (was 14,5 % in 2023)");
        assertThat(mail.body()).contains("voor Groningen (GM0014, regio Groningen), periode 2024", "(totaal)", "Hiermee is de eerdere signalering opgelost.",
                "Bekijk de gemeentekaart: https://monitor.example.nl/dashboard/#/card/GM0014/2024");
    }

    @Test
    void a_lead_time_below_its_threshold_and_a_first_figure_read_in_days() {
        AlertMail mail = AlertMail.of(alert(Alert.THRESHOLD_CROSSED, AreaLevel.REGION, "Groningen", Direction.DOWN,
                AlertWhen.BELOW, "21", null, null, Map.of(), "vt-days-report-to-help"), CARD);

        assertThat(mail.subject()).isEqualTo("Signalering: regio Groningen gedaald onder 30 dagen — Tijdsverloop van "
                + "meldingsdatum tot start hulpaanbod, 2024: 21 dagen (eerste cijfer)");
        assertThat(mail.body()).contains("  Vorige waarde: geen (dit is het eerste cijfer)");
    }

    @Test
    void a_digest_carries_an_indicator_alert_without_a_card_link_for_a_region() {
        WebhookPayload one = alert(Alert.THRESHOLD_CROSSED, AreaLevel.REGION, "Groningen", Direction.UP,
                AlertWhen.ABOVE, "14.5", "11.2", "2023", Map.of(), "vt-repeat-reports");
        AlertMail digest = AlertMail.digest(new DigestPayload(UUID.randomUUID(), "digest", "Groningen", List.of(one)),
                CARD);
        assertThat(digest.body()).contains("11,2 % → 14,5 %, periode 2024").doesNotContain("Gemeentekaart");
    }
}
