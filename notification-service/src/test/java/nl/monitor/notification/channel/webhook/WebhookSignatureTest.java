package nl.monitor.notification.channel.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    /**
     * Computed independently with {@code printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}'
     * | openssl dgst -sha256 -hmac 'a-test-secret-of-32-characters!!' -binary | base64}.
     */
    @Test
    void the_signature_is_the_base64_hmac_sha256_of_id_timestamp_and_body() {
        String signature = WebhookSignature.sign("a-test-secret-of-32-characters!!", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,EHV6iU/yCIQMdLWdihODaSjm6oHDjVk3oyBwDXbsOJ4=");
    }

    @Test
    void another_body_secret_or_timestamp_gives_another_signature() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign("0123456789abcdef", "id", 1L, body);

        assertThat(WebhookSignature.sign("0123456789abcdeF", "id", 1L, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("0123456789abcdef", "id", 2L, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("0123456789abcdef", "id", 1L, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }
}
