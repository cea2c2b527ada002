package nl.monitor.notification.channel.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    /**
     * The Standard Webhooks libraries' own test vector, recomputed independently with {@code printf '%s'
     * 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' | openssl dgst -sha256 -mac HMAC -macopt
     * hexkey:$(echo -n MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 256) -binary | base64}: the key is the
     * secret's base64-decoded bytes.
     */
    @Test
    void the_signature_is_the_base64_hmac_sha256_keyed_by_the_decoded_secret() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").orElseThrow();

        assertThat(WebhookSignature.sign(secret, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    /**
     * A secret from before the standard (its UTF-8 text was the key) keeps its signatures in the standard form: the
     * openssl vector {@code openssl dgst -sha256 -hmac 'a-test-secret-of-32-characters!!'} of the same message.
     */
    @Test
    void a_plain_text_secret_converted_to_the_standard_form_signs_as_before() {
        WebhookSecret legacy = WebhookSecret.ofLegacyText("a-test-secret-of-32-characters!!");

        assertThat(legacy.encoded()).isEqualTo("whsec_YS10ZXN0LXNlY3JldC1vZi0zMi1jaGFyYWN0ZXJzISE=");
        assertThat(WebhookSignature.sign(WebhookSecret.stored(legacy.encoded()), ID, TIMESTAMP, BODY))
                .isEqualTo("v1,EHV6iU/yCIQMdLWdihODaSjm6oHDjVk3oyBwDXbsOJ4=");
    }

    @Test
    void with_two_secrets_the_header_carries_both_signatures_space_separated_newest_first() {
        WebhookSecret current = WebhookSecret.generate(new SecureRandom());
        WebhookSecret previous = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").orElseThrow();

        assertThat(WebhookSignature.sign(List.of(current, previous), ID, TIMESTAMP, BODY)).isEqualTo(
                WebhookSignature.sign(current, ID, TIMESTAMP, BODY) + " v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void another_body_secret_or_timestamp_gives_another_signature() {
        WebhookSecret secret = WebhookSecret.ofLegacyText("0123456789abcdef");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(secret, "id", 1L, body);

        assertThat(WebhookSignature.sign(WebhookSecret.ofLegacyText("0123456789abcdeF"), "id", 1L, body))
                .isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "id", 2L, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "id", 1L, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }
}
