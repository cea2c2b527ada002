package nl.monitor.notification.channel.email;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.scoring.Band;
import nl.monitor.notification.Alert;
import nl.monitor.notification.delivery.WebhookPayload;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMailTest {

    private static final String CARD = "https://monitor.example.nl/dashboard/#/card/{municipality}/{year}";

    private static WebhookPayload alert(String type, ThresholdCrossed.Threshold threshold,
                                        ThresholdCrossed.Direction direction, Double previous, double now,
                                        Band previousBand, Band newBand) {
        return alert(type, threshold, direction, previous, now, previousBand, newBand, 1);
    }

    private static WebhookPayload alert(String type, ThresholdCrossed.Threshold threshold,
                                        ThresholdCrossed.Direction direction, Double previous, double now,
                                        Band previousBand, Band newBand, Integer questionnaireVersion) {
        return new WebhookPayload(UUID.randomUUID(), UUID.randomUUID(), type, "GM0106", "Assen", "Drenthe", 2017,
                threshold, direction, previous, now, previousBand, newBand, UUID.randomUUID(), Instant.now(),
                "firing", null, questionnaireVersion);
    }

    @Test
    void a_goal_is_named_by_the_questionnaire_its_wave_answered() {
        ThresholdCrossed.Threshold goal3 = new ThresholdCrossed.Threshold(ThresholdCrossed.Threshold.Scope.GOAL, 3,
                40.0);
        // version 2 (the BMC 2015 points of attention): goal 3 is another goal than version 1's
        assertThat(AlertMail.of(alert(Alert.THRESHOLD_CROSSED, goal3, ThresholdCrossed.Direction.DOWN, 45.0, 37.5,
                Band.ORANGE, Band.ORANGE, 2), CARD).subject())
                .contains("score op doel 3 (Lokale uitwerking aanpak kindermishandeling)");
        assertThat(AlertMail.of(alert(Alert.THRESHOLD_CROSSED, goal3, ThresholdCrossed.Direction.DOWN, 45.0, 37.5,
                Band.ORANGE, Band.ORANGE, 1), CARD).subject())
                .contains("score op doel 3 (Alle jonge ouders leren omgaan met huilgedrag van baby's)");
    }

    @Test
    void a_goal_threshold_names_the_goal_with_its_title_and_the_body_links_the_card() {
        AlertMail mail = AlertMail.of(alert(Alert.THRESHOLD_CROSSED, new ThresholdCrossed.Threshold(
                        ThresholdCrossed.Threshold.Scope.GOAL, 3, 40.0), ThresholdCrossed.Direction.DOWN, 45.0, 37.5,
                Band.ORANGE, Band.ORANGE), CARD);
        assertThat(mail.subject()).isEqualTo("Signalering: Assen gezakt onder 40 punten — score op doel 3 (Alle jonge "
                + "ouders leren omgaan met huilgedrag van baby's) 37,5 oranje (was 45,0 oranje)");
        assertThat(mail.body()).contains("Assen (GM0106, regio Drenthe), jaar 2017",
                "  Vorige score: 45,0 (oranje)\n  Nieuwe score: 37,5 (oranje)",
                "Bekijk de gemeentekaart: https://monitor.example.nl/dashboard/#/card/GM0106/2017")
                .doesNotContain("opgelost");
    }

    @Test
    void a_rise_without_an_alert_before_it_is_reported_as_risen_not_resolved() {
        AlertMail mail = AlertMail.of(alert(Alert.THRESHOLD_CROSSED, ThresholdCrossed.Threshold.total(75),
                ThresholdCrossed.Direction.UP, 70.0, 80.25, Band.ORANGE, Band.GREEN), CARD);
        assertThat(mail.subject())
                .isEqualTo("Signalering: Assen gestegen boven 75 punten — totaalscore 80,3 groen (was 70,0 oranje)");
    }
}
