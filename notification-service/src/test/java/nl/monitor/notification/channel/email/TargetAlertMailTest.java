package nl.monitor.notification.channel.email;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.contracts.ThresholdCrossed.TargetKind;
import nl.monitor.contracts.ThresholdCrossed.TargetStatus;
import nl.monitor.domain.indicator.Better;
import nl.monitor.notification.Alert;
import nl.monitor.notification.TargetAlert;
import nl.monitor.notification.delivery.DigestPayload;
import nl.monitor.notification.delivery.WebhookPayload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dutch e-mail about a municipality's own target: municipality, goal or indicator, year, result and target. */
class TargetAlertMailTest {

    private static final String CARD = "https://monitor.example.nl/dashboard/#/card/{municipality}/{year}";

    private static WebhookPayload alert(String type, TargetKind kind, TargetStatus status, String target,
                                        String result, String previous, Integer figureVersion) {
        boolean goal = kind == TargetKind.GOAL;
        TargetAlert part = TargetAlert.of(new ThresholdCrossed.TargetCrossing(kind, goal ? 1 : null,
                goal ? null : "vt-repeat-reports", goal ? null : 1,
                goal ? Map.of() : Map.of("abuse-type", "sexual-abuse"), 2024, new BigDecimal(target),
                goal ? Better.HIGHER : Better.LOWER, result == null ? null : new BigDecimal(result),
                previous == null ? null : new BigDecimal(previous), status, UUID.randomUUID(), 2,
                goal ? UUID.randomUUID() : null, goal ? null : UUID.randomUUID(), figureVersion,
                UUID.randomUUID().toString()), goal ? 1 : null);
        return new WebhookPayload(UUID.randomUUID(), UUID.randomUUID(), type, "GM0114", "Emmen", "Drenthe", 2024,
                null, status == TargetStatus.MISSED ? Direction.DOWN : Direction.UP, null, null, null, null, null,
                Instant.now(), Alert.RESOLVED.equals(type) ? "resolved" : "firing", null, goal ? 1 : null, null, part);
    }

    @Test
    void a_missed_goal_target_names_municipality_goal_year_result_and_target() {
        AlertMail mail = AlertMail.of(alert(Alert.THRESHOLD_CROSSED, TargetKind.GOAL, TargetStatus.MISSED, "55", "42",
                null, null), CARD);

        assertThat(mail.subject()).isEqualTo("Eigen doel niet gehaald: Emmen, doel 1 (Screening en hulp voor "
                + "zwangere vrouwen in hoog-risicosituaties) — 2024: 42 punten, doel 55");
        assertThat(mail.body()).contains("voor Emmen (GM0114, regio Drenthe):",
                        "het eigen doel voor doel 1 (Screening en hulp voor zwangere vrouwen in hoog-risicosituaties) in "
                                + "2024 is niet gehaald.",
                        "  Doel van de gemeente: 55 punten in 2024 (hoger is beter)", "  Resultaat 2024: 42 punten",
                        "  Plan: versie 2", "Bekijk de gemeentekaart: https://monitor.example.nl/dashboard/#/card/GM0114/2024")
                .doesNotContain("opgelost", "Eerder resultaat");
    }

    @Test
    void an_indicator_target_met_after_a_correction_resolves_naming_the_indicator_and_its_breakdown() {
        AlertMail mail = AlertMail.of(alert(Alert.RESOLVED, TargetKind.INDICATOR, TargetStatus.MET, "12.5", "11",
                "14.5", 2), CARD);

        assertThat(mail.subject()).isEqualTo("Eigen doel alsnog gehaald: Emmen, Percentage hermeldingen (Type "
                + "kindermishandeling: Seksueel misbruik) — 2024: 11 %, doel 12,5 % (was 14,5 %)");
        assertThat(mail.body()).contains("is alsnog gehaald.", "  Doel van de gemeente: 12,5 % in 2024 (lager is beter)",
                "  Resultaat 2024: 11 % (correctie 2)", "  Eerder resultaat: 14,5 %",
                "Hiermee is de eerdere signalering opgelost.");
    }

    @Test
    void a_target_taken_out_of_the_plan_says_so() {
        AlertMail mail = AlertMail.of(alert(Alert.RESOLVED, TargetKind.GOAL, TargetStatus.WITHDRAWN, "55", "42", "42",
                null), CARD);

        assertThat(mail.subject()).isEqualTo("Eigen doel vervallen: Emmen, doel 1 (Screening en hulp voor zwangere "
                + "vrouwen in hoog-risicosituaties) — 2024: doel 55 niet meer in het plan (laatste resultaat 42 punten)");
        assertThat(mail.body()).contains("staat niet meer in het plan.").doesNotContain("Eerder resultaat");
    }

    @Test
    void a_digest_carries_a_target_alert_with_its_card_link() {
        WebhookPayload one = alert(Alert.THRESHOLD_CROSSED, TargetKind.GOAL, TargetStatus.MISSED, "55", "42", null,
                null);
        AlertMail digest = AlertMail.digest(new DigestPayload(UUID.randomUUID(), "digest", "Drenthe", List.of(one)),
                CARD);

        assertThat(digest.body()).contains("- Eigen doel niet gehaald: Emmen, doel 1",
                "  resultaat 42 punten, doel 55 punten, jaar 2024",
                "  Gemeentekaart: https://monitor.example.nl/dashboard/#/card/GM0114/2024");
    }
}
