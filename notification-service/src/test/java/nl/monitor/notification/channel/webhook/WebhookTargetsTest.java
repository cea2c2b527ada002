package nl.monitor.notification.channel.webhook;

import nl.monitor.notification.config.WebhookConfig;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTargetsTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.org", List.of("93.184.215.14"),
            "mixed.example.org", List.of("93.184.215.14", "10.0.0.7"),
            "metadata.example.org", List.of("169.254.169.254"),
            "receiver.internal", List.of("10.1.2.3"));

    private static WebhookTargets targets(boolean requireHttps, String... allowed) {
        HostResolver resolver = host -> {
            List<String> answer = DNS.get(host);
            if (answer == null) {
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    return List.of(InetAddress.getAllByName(host));
                }
                throw new UnknownHostException(host);
            }
            return answer.stream().map(WebhookTargetsTest::literal).toList();
        };
        return new WebhookTargets(resolver, new WebhookConfig() {
            @Override
            public Duration rotationOverlap() {
                return Duration.ofHours(24);
            }

            @Override
            public boolean requireHttps() {
                return requireHttps;
            }

            @Override
            public List<String> secretKeys() {
                return List.of();
            }

            @Override
            public String secretKeyId() {
                return "none";
            }

            @Override
            public Optional<List<String>> allowedHosts() {
                return Optional.of(Arrays.asList(allowed));
            }

            @Override
            public Optional<List<String>> trustCertificates() {
                return Optional.empty();
            }
        });
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusal(WebhookTargets targets, String url) {
        try {
            targets.check(URI.create(url));
            return null;
        } catch (WebhookTargets.Refused refused) {
            return refused.code() + "/" + refused.logText();
        }
    }

    @Test
    void a_public_https_target_passes_with_the_address_to_connect_to() throws Exception {
        WebhookTargets.Checked checked = targets(true).check(URI.create("https://hooks.example.org/monitor"));

        assertThat(checked.address().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(checked.uri().getHost()).isEqualTo("hooks.example.org");
    }

    @Test
    void http_is_refused_where_https_is_required() {
        assertThat(refusal(targets(true), "http://hooks.example.org/monitor")).isEqualTo("https-required/https required");
        assertThat(refusal(targets(false), "http://hooks.example.org/monitor")).isNull();
    }

    @Test
    void a_name_with_any_internal_address_or_none_is_refused() {
        WebhookTargets targets = targets(true);
        assertThat(refusal(targets, "https://mixed.example.org/")).isEqualTo("forbidden-address/address not allowed");
        assertThat(refusal(targets, "https://metadata.example.org/")).isEqualTo("forbidden-address/address not allowed");
        assertThat(refusal(targets, "https://169.254.169.254/latest/meta-data/"))
                .isEqualTo("forbidden-address/address not allowed");
        assertThat(refusal(targets, "https://[::ffff:127.0.0.1]:8443/")).isEqualTo("forbidden-address/address not allowed");
        assertThat(refusal(targets, "https://unknown.invalid/")).isEqualTo("unresolvable-host/host not found");
    }

    @Test
    void the_allow_list_admits_addresses_ranges_and_names_and_nothing_else() {
        WebhookTargets targets = targets(false, "127.0.0.1", "10.1.0.0/16", "metadata.example.org");
        assertThat(refusal(targets, "http://127.0.0.1:8080/hook")).isNull();
        assertThat(refusal(targets, "http://127.0.0.2:8080/hook")).isEqualTo("forbidden-address/address not allowed");
        assertThat(refusal(targets, "http://receiver.internal/hook")).isNull();
        assertThat(refusal(targets, "http://10.2.0.1/hook")).isEqualTo("forbidden-address/address not allowed");
        assertThat(refusal(targets, "http://metadata.example.org/")).isNull();
        assertThat(refusal(targets, "http://[::1]:8080/")).isEqualTo("forbidden-address/address not allowed");
    }
}
