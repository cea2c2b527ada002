package nl.monitor.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's "Drempels" in a real headless Chromium behind Keycloak's login page: Groningen's coordinator sees the
 * region's indicator thresholds (the scoring-service's, called from the browser with CORS), creates one on the
 * percentage of repeat reports of sexual abuse (140 % first: the scoring-service's 422 names {@code value} and the
 * page puts its Dutch text on that field), checked by the API, and deletes it after confirming; a coordinator of
 * another region is refused the threshold (403); an admin sees every region's. axe-core: nothing serious or critical
 * in each state. What it creates it deletes (also when it fails half-way), so the shared platform stays as it was.
 */
class CoordinatorDrempelsIT {

    private static final Duration DEADLINE = DashboardBrowser.DEADLINE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DESCRIPTION = "Browsertest drempel hermeldingen";
    private static final String OTHER_COORDINATOR = "drempels-coordinator-drenthe";
    private static final String OTHER_PASSWORD = "Drenthe-Drempels-2026!";

    private static Platform platform;
    private static KeycloakServer keycloak;
    private static WebDriver browser;
    private static DashboardBrowser page;
    private static String dashboard;

    @BeforeAll
    static void start() throws Exception {
        platform = KeycloakPlatform.platform();
        keycloak = KeycloakPlatform.keycloak();
        String reporting = platform.url("reporting-service");
        keycloak.allowBrowserApp("monitor-dashboard", reporting, "/dashboard/");
        keycloak.createUser(OTHER_COORDINATOR, OTHER_PASSWORD, "coordinator", Map.of("region", "Drenthe"));
        dashboard = reporting + "/dashboard/";
        browser = HeadlessChromium.start(1280, 1600);
        page = new DashboardBrowser(browser, keycloak.issuer());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Whatever this test created stays behind only if it failed before deleting it: removed here by the API. */
    @AfterEach
    void deleteWhatThisTestCreated() throws Exception {
        String admin = keycloak.passwordGrant("monitor-cli", "monitor-admin", "admin-demo");
        for (JsonNode threshold : read(get(thresholds(), admin).body())) {
            if (DESCRIPTION.equals(threshold.path("description").asText())) {
                send("DELETE", thresholds() + "/" + threshold.path("id").asText(), admin);
            }
        }
    }

    @Test
    void a_coordinator_creates_a_threshold_sees_the_422_at_its_field_and_deletes_it_and_an_admin_sees_every_region()
            throws Exception {
        browser.get(dashboard + "#/drempels");
        page.click(By.id("sign-in-start"));
        page.signInAtKeycloak("coordinator-groningen", "coordinator-demo");
        page.awaitReady();
        assertThat(browser.getCurrentUrl()).isEqualTo(dashboard + "#/drempels");
        assertThat(browser.findElement(By.cssSelector("nav a[data-nav='drempels']")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#thresholds caption")).getText())
                .isEqualTo("Drempels van regio Groningen");
        assertThat(browser.findElements(By.xpath("//tr[td[normalize-space()='" + DESCRIPTION + "']]"))).isEmpty();
        // A coordinator creates in their own region only; the indicators are those a region has figures of.
        assertThat(new Select(browser.findElement(By.id("threshold-region"))).getOptions())
                .extracting(WebElement::getText).containsExactly("Groningen");
        Select indicator = new Select(browser.findElement(By.id("threshold-indicator")));
        assertThat(indicator.getOptions()).extracting(o -> o.getAttribute("value"))
                .contains("vt-repeat-reports", "families-in-poverty")
                .doesNotContain("interventions-proven-effective"); // recorded for the nation only
        page.assertNoSeriousViolations("Drempels, signed in");

        // Repeat reports of sexual abuse above 140 %: no percentage; the scoring-service's 422 names "value", the page
        // shows its Dutch text there.
        indicator.selectByValue("vt-repeat-reports");
        new Select(browser.findElement(By.id("threshold-breakdown"))).selectByValue("abuse-type:sexual-abuse");
        new Select(browser.findElement(By.id("threshold-alert-when"))).selectByValue("ABOVE");
        WebElement value = browser.findElement(By.id("threshold-value"));
        value.sendKeys("140");
        browser.findElement(By.id("threshold-margin")).sendKeys("0,5");
        browser.findElement(By.id("threshold-description")).sendKeys(DESCRIPTION);
        page.click("threshold-submit");
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("threshold-value"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("threshold-value-error")).getText())
                .startsWith("Deze waarde kan niet voor deze indicator").contains("een percentage hoogstens 100");
        assertThat(value.getAttribute("aria-describedby")).isEqualTo("threshold-value-error");
        assertThat(browser.findElement(By.id("threshold-margin")).getAttribute("aria-invalid")).isNull();
        assertThat(get(thresholds(), coordinator()).body()).doesNotContain(DESCRIPTION);
        page.assertNoSeriousViolations("Drempels, a field in error");

        // 12,5 % (typed the Dutch way) is stored.
        value.clear();
        value.sendKeys("12,5");
        page.click("threshold-submit");
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("threshold-status"),
                "Drempel vastgelegd: Percentage hermeldingen, boven 12,5 %."));
        assertThat(value.getAttribute("aria-invalid")).isNull();
        WebElement row = page.wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='thresholds']//tr[td[normalize-space()='" + DESCRIPTION + "']]")));
        String id = row.getAttribute("data-threshold");
        assertThat(row.getText()).contains("Groningen").contains("Percentage hermeldingen")
                .contains("Type kindermishandeling: Seksueel misbruik").contains("boven 12,5 %").contains("0,5 %")
                .containsPattern("\\d{1,2} [a-z]+ \\d{4} om \\d{2}:\\d{2}");
        JsonNode stored = read(get(thresholds() + "/" + id, coordinator()).body());
        assertThat(stored.path("region").asText()).isEqualTo("Groningen");
        assertThat(stored.path("indicator").asText()).isEqualTo("vt-repeat-reports");
        assertThat(stored.path("breakdown").toString()).isEqualTo("{\"abuse-type\":\"sexual-abuse\"}");
        assertThat(stored.path("value").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(stored.path("margin").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(stored.path("alertWhen").asText()).isEqualTo("ABOVE");
        page.assertNoSeriousViolations("Drempels, a threshold created");
        // The README's picture of the page (target/screenshots/drempels.png; docs/drempels.png is a copy).
        Path screenshot = KeycloakPlatform.ROOT.resolve("keycloak-tests/target/screenshots/drempels.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // The same threshold again: 409, said above the form.
        value.sendKeys("12,5");
        browser.findElement(By.id("threshold-margin")).sendKeys("0,5");
        page.click("threshold-submit");
        page.wait(DEADLINE).until(ExpectedConditions.textToBe(By.id("threshold-summary"),
                "De regio heeft deze drempel al."));

        // Another region's coordinator may not read it.
        String other = keycloak.passwordGrant("monitor-cli", OTHER_COORDINATOR, OTHER_PASSWORD);
        assertThat(get(thresholds() + "/" + id, other).statusCode()).isEqualTo(403);
        assertThat(get(thresholds(), other).body()).doesNotContain(id);

        // Deleting asks first; then the row is gone, and so is the threshold.
        page.click(By.cssSelector("tr[data-threshold='" + id + "'] button[data-action='delete']"));
        page.click(By.cssSelector("tr[data-threshold='" + id + "'] button[data-action='confirm-delete']"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBe(By.id("threshold-status"), "Drempel verwijderd."));
        assertThat(browser.findElements(By.cssSelector("tr[data-threshold='" + id + "']"))).isEmpty();
        assertThat(get(thresholds() + "/" + id, coordinator()).statusCode()).isEqualTo(404);
        page.assertNoSeriousViolations("Drempels, the threshold deleted");
        page.click(By.id("sign-out"));
        page.visible(By.id("sign-in-start"));

        // An admin sees every region's thresholds (one made by the API for Drenthe here) and may choose a region.
        String admin = keycloak.passwordGrant("monitor-cli", "monitor-admin", "admin-demo");
        HttpResponse<String> drenthe = send("POST", thresholds(), admin, """
                {"region": "Drenthe", "indicator": "vt-days-report-to-help", "value": 40, "alertWhen": "ABOVE",
                 "description": "%s"}""".formatted(DESCRIPTION));
        assertThat(drenthe.statusCode()).as(drenthe.body()).isEqualTo(201);
        browser.get(dashboard + "#/drempels");
        page.click(By.id("sign-in-start"));
        page.signInAtKeycloak("monitor-admin", "admin-demo");
        page.awaitReady();
        assertThat(browser.findElement(By.cssSelector("#thresholds caption")).getText())
                .isEqualTo("Drempels van alle regio's");
        assertThat(browser.findElement(By.id("thresholds")).getText()).contains("Drenthe").contains(DESCRIPTION)
                .contains("boven 40 dagen");
        assertThat(new Select(browser.findElement(By.id("threshold-region"))).getOptions()).hasSizeGreaterThan(20);
        page.assertNoSeriousViolations("Drempels, an admin's view of every region");
        page.click(By.id("sign-out"));
        page.visible(By.id("sign-in-start"));
    }

    private static String thresholds() {
        return platform.url("scoring-service") + "/api/indicator-thresholds";
    }

    private static String coordinator() throws Exception {
        return keycloak.passwordGrant("monitor-cli", "coordinator-groningen", "coordinator-demo");
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String url, String token) throws Exception {
        return send(method, url, token, null);
    }

    private static HttpResponse<String> send(String method, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
