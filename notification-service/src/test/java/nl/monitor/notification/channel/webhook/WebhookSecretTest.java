package nl.monitor.notification.channel.webhook;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSecretTest {

    @Test
    void a_generated_secret_is_whsec_and_the_padded_base64_of_32_random_bytes() {
        SecureRandom random = new SecureRandom();
        String one = WebhookSecret.generate(random).encoded();
        String other = WebhookSecret.generate(random).encoded();

        assertThat(one).startsWith("whsec_").hasSize("whsec_".length() + 44).isNotEqualTo(other);
        assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
        assertThat(WebhookSecret.parse(one)).contains(WebhookSecret.stored(one));
    }

    @Test
    void only_whsec_and_valid_base64_parses() {
        assertThat(WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isPresent();
        assertThat(WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
        assertThat(WebhookSecret.parse("whsec_not-base64!")).isEmpty();
        assertThat(WebhookSecret.parse("whsec_")).isEmpty();
        assertThat(WebhookSecret.parse(null)).isEmpty();
    }
}
