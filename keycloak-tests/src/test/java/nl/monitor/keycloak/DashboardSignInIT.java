package nl.monitor.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard signs in through Keycloak's own login page in a real headless Chromium (Debian's, installed by
 * scripts/ensure-chromium.sh as the build runs): Authorization Code + PKCE, back on the page asked for, the token
 * refreshed once it has expired, signed out at Keycloak; the local test-key shortcut (#token=) does not work here.
 */
class DashboardSignInIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebDriver browser;
    private static DashboardBrowser page;
    private static String dashboard;
    private static KeycloakServer keycloak;

    @BeforeAll
    static void startTheBrowser() throws Exception {
        Platform platform = KeycloakPlatform.platform();
        keycloak = KeycloakPlatform.keycloak();
        String reporting = platform.url("reporting-service");
        // This test's dashboard runs on a free port: register its origin with the dashboard's client, as an
        // operator registers a deployment's (the realm file names the local run's and production's).
        keycloak.allowBrowserApp("monitor-dashboard", reporting, "/dashboard/");
        dashboard = reporting + "/dashboard/";

        browser = HeadlessChromium.start(1280, 1200);
        page = new DashboardBrowser(browser, keycloak.issuer());
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_services_tell_the_dashboard_to_sign_in_at_keycloak() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(dashboard.replace("/dashboard/", "/sign-in"))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode settings = JSON.readTree(response.body());
        assertThat(settings.path("mode").asText()).isEqualTo("oidc");
        assertThat(settings.path("authority").asText()).isEqualTo(keycloak.issuer());
        assertThat(settings.path("clientId").asText()).isEqualTo("monitor-dashboard");
    }

    @Test
    void an_analyst_signs_in_at_keycloak_lands_on_the_page_asked_for_is_refreshed_and_signs_out() throws Exception {
        browser.get(dashboard + "#/national?year=2017");
        page.click("sign-in-start");
        page.signInAtKeycloak("analyst", "analyst-demo");

        page.awaitReady();
        assertThat(browser.getCurrentUrl()).isEqualTo(dashboard + "#/national?year=2017");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("analyst");
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        JsonNode first = storedUser();
        assertThat(first.path("refresh_token").asText()).isNotBlank();
        assertThat(KeycloakFlowIT.claims(first.path("access_token").asText()).path("iss").asText())
                .isEqualTo(keycloak.issuer());

        // The access token has expired (as after 5 minutes): the next request refreshes it first, no new sign-in.
        ObjectNode expired = (ObjectNode) first.deepCopy();
        expired.put("expires_at", System.currentTimeMillis() / 1000 - 10);
        page.script("sessionStorage.setItem(arguments[0], arguments[1])", userKey(), expired.toString());
        browser.get(dashboard + "#/national?year=2016");
        page.awaitReady();
        JsonNode refreshed = storedUser();
        assertThat(refreshed.path("access_token").asText()).isNotEqualTo(first.path("access_token").asText());
        assertThat(refreshed.path("expires_at").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();

        // Signing out ends the session at Keycloak too: back on the dashboard, signed out; signing in asks again.
        page.click("sign-out");
        page.visible(By.id("sign-in-start"));
        assertThat(browser.getCurrentUrl()).startsWith(dashboard);
        assertThat(page.script("return Object.keys(sessionStorage).filter(k => k.startsWith('oidc.user:')).length"))
                .isEqualTo(0L);
        page.click("sign-in-start");
        page.visible(By.id("username"));
    }

    @Test
    void a_coordinator_lands_on_their_region_and_a_test_key_link_does_not_sign_in() {
        browser.get(dashboard + "#token=" + TestTokens.analyst());
        page.visible(By.id("sign-in-start"));
        assertThat(browser.findElement(By.id("sign-in-token")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");
        page.assertNoSeriousViolations("signed out, a test-key link");

        page.click("sign-in-start");
        page.signInAtKeycloak("coordinator-groningen", "coordinator-demo");
        page.awaitReady();
        assertThat(browser.getCurrentUrl()).contains("#/region/Groningen");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("coordinator · Groningen");
        // The region against the nation, and the whole report of their region ("Rapport", asked with region=).
        page.visible(By.id("comparison-table"));
        page.click(By.cssSelector("nav a[data-nav='rapport']"));
        page.visible(By.id("documents-table"));
        page.awaitReady();
        assertThat(browser.getCurrentUrl()).contains("#/rapport");
        assertThat(browser.findElement(By.cssSelector("#region option:checked")).getText()).isEqualTo("Groningen");
        assertThat(browser.findElements(By.cssSelector(".goal-section"))).hasSize(10);
        page.assertNoSeriousViolations("Rapport of a coordinator");
        page.click("sign-out");
        page.visible(By.id("sign-in-start"));
    }

    private static String userKey() {
        return "oidc.user:" + keycloak.issuer() + ":monitor-dashboard";
    }

    private static JsonNode storedUser() throws Exception {
        Object stored = page.script("return sessionStorage.getItem(arguments[0])", userKey());
        assertThat(stored).as("the signed-in user in sessionStorage").isNotNull();
        return JSON.readTree(stored.toString());
    }
}
