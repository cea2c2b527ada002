package nl.monitor.rest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RootPageTest {

    @Test
    void the_root_page_links_the_api_reference_the_document_and_the_app_relatively() {
        String page = RootPage.page("reporting-service", "Monitor reporting-service", List.of("/dashboard/"));

        assertThat(page).contains("<title>Monitor reporting-service</title>")
                .contains("<a href=\"api-reference/\">")
                .contains("<a href=\"api-reference/?service=reporting-service\">")
                .contains("<a href=\"openapi\">")
                .contains("<a href=\"dashboard/\">")
                .doesNotContain("href=\"/");
    }

    @Test
    void what_it_shows_is_escaped() {
        assertThat(RootPage.page("x", "<b>\"T\" & co</b>", List.of()))
                .contains("&lt;b&gt;&quot;T&quot; &amp; co&lt;/b&gt;").doesNotContain("<b>");
    }
}
