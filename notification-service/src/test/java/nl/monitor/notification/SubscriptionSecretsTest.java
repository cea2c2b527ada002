package nl.monitor.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which secrets sign a webhook call: the current one, and the previous one only until its overlap ends. */
class SubscriptionSecretsTest {

    @Test
    void the_previous_secret_signs_too_until_the_overlap_ends_then_only_the_current_one() {
        Instant rotatedAt = Instant.parse("2026-11-30T10:00:00Z");
        Subscription subscription = new Subscription();
        subscription.secret = "whsec_new";
        assertThat(subscription.signingSecrets(rotatedAt)).containsExactly("whsec_new");

        subscription.previousSecret = "whsec_old";
        subscription.previousSecretUntil = rotatedAt.plus(Duration.ofHours(24));

        assertThat(subscription.signingSecrets(rotatedAt)).containsExactly("whsec_new", "whsec_old");
        assertThat(subscription.signingSecrets(rotatedAt.plus(Duration.ofHours(24)).minusMillis(1)))
                .containsExactly("whsec_new", "whsec_old");
        assertThat(subscription.signingSecrets(rotatedAt.plus(Duration.ofHours(24)))).containsExactly("whsec_new");
    }

    @Test
    void a_subscription_of_another_channel_signs_with_nothing() {
        assertThat(new Subscription().signingSecrets(Instant.now())).isEmpty();
    }
}
