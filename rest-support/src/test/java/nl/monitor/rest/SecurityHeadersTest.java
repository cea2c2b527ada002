package nl.monitor.rest;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    @Test
    void an_origin_is_scheme_host_and_port_of_the_url() {
        assertThat(SecurityHeaders.origin("https://Keycloak.example.nl/realms/monitor"))
                .contains("https://keycloak.example.nl");
        assertThat(SecurityHeaders.origin("http://localhost:18080/realms/monitor")).contains("http://localhost:18080");
        assertThat(SecurityHeaders.origin(" http://127.0.0.1:8083/ ")).contains("http://127.0.0.1:8083");
    }

    @Test
    void what_is_no_http_url_is_left_out() {
        assertThat(SecurityHeaders.origin("javascript:alert(1)")).isEmpty();
        assertThat(SecurityHeaders.origin("/relative")).isEmpty();
        assertThat(SecurityHeaders.origin("http://exa mple")).isEmpty();
    }

    @Test
    void the_policy_runs_only_own_scripts_and_calls_only_the_named_origins() {
        Set<String> connect = new LinkedHashSet<>(List.of("https://id.example.nl", "https://reports.example.nl"));
        String policy = SecurityHeaders.policy(Optional.of("https://id.example.nl"), connect);
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "style-src 'self';",
                "connect-src 'self' https://id.example.nl https://reports.example.nl;",
                "frame-src https://id.example.nl;", "form-action 'self' https://id.example.nl;", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void without_an_identity_provider_nothing_may_be_framed_or_called_elsewhere() {
        assertThat(SecurityHeaders.policy(Optional.empty(), Set.of()))
                .contains("connect-src 'self';", "frame-src 'none';", "form-action 'self';");
    }

    @Test
    void the_api_reference_page_loads_nothing_from_elsewhere() {
        assertThat(SecurityHeaders.REFERENCE_POLICY).contains("default-src 'none'", "script-src 'self';",
                        "img-src 'self' data:;", "connect-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("http", "unsafe-eval", "*");
    }
}
