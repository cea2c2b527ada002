package nl.monitor.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import nl.monitor.testsupport.Axe;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's "Meldingen" page in a real headless Chromium behind Keycloak's login page: creates a webhook
 * subscription (a bad URL first: the error sits on the URL field, by the problem's field and code), sees the secret
 * once, sends a test call the receiver verifies with the official Standard Webhooks library, sees an alert appear live
 * after a failing submission (no reload), opens the delivery log, rotates the secret and deletes the subscription;
 * another region's coordinator sees none of it. axe-core: nothing serious or critical in each state visited.
 */
class CoordinatorMeldingenIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration ALERT_DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OTHER_COORDINATOR = "coordinator-flevoland";
    private static final String OTHER_PASSWORD = "Flevoland-Coordinator-2026!";
    /** The receiver's own check is not used: the secret is only known once the page has shown it. */
    private static final String UNKNOWN_SECRET = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static Platform platform;
    private static KeycloakServer keycloak;
    private static WebDriver browser;
    private static String dashboard;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(Platform.freePort(), UNKNOWN_SECRET, call -> { });
        platform = KeycloakPlatform.platform();
        keycloak = KeycloakPlatform.keycloak();
        String reporting = platform.url("reporting-service");
        keycloak.allowBrowserApp("monitor-dashboard", reporting, "/dashboard/");
        keycloak.createUser(OTHER_COORDINATOR, OTHER_PASSWORD, "coordinator", Map.of("region", "Flevoland"));
        dashboard = reporting + "/dashboard/";
        browser = HeadlessChromium.start(1280, 1600);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void a_coordinator_subscribes_tests_sees_an_alert_live_and_unsubscribes_and_another_region_sees_none_of_it()
            throws Exception {
        browser.get(dashboard + "#/meldingen");
        click(By.id("sign-in-start"));
        signInAtKeycloak("coordinator-groningen", "coordinator-demo");
        awaitReady();
        assertThat(browser.getCurrentUrl()).isEqualTo(dashboard + "#/meldingen");
        awaitLive();
        assertNoSeriousViolations("Meldingen, signed in");
        // The form shows the fields of the chosen channel only.
        assertThat(browser.findElement(By.id("sub-url")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("sub-email")).isDisplayed()).isFalse();

        // A URL that is no URL: the service's problem names the field "url" with code invalid-url; the page puts
        // its Dutch text on that field.
        WebElement url = browser.findElement(By.id("sub-url"));
        url.sendKeys("geen-webadres");
        browser.findElement(By.id("sub-description")).sendKeys("Browsertest Groningen");
        click(By.id("subscribe-submit"));
        wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("sub-url"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("sub-url-error")).getText()).startsWith("Geef een volledig webadres");
        assertThat(url.getAttribute("aria-describedby")).isEqualTo("sub-url-error");
        assertNoSeriousViolations("Meldingen, a field in error");

        url.clear();
        url.sendKeys(receiver.url());
        click(By.id("subscribe-submit"));
        wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-panel")));
        String secret = browser.findElement(By.id("secret-value")).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.findElement(By.id("secret-panel")).getText()).contains("maar één keer getoond");
        assertThat(browser.findElement(By.id("sub-url")).getAttribute("aria-invalid")).isNull();
        WebElement row = wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='subscriptions']//tr[td[normalize-space()='Browsertest Groningen']]")));
        String subscription = row.getAttribute("data-subscription");
        assertNoSeriousViolations("Meldingen, the secret shown once");
        click(By.id("secret-done"));
        assertThat(browser.findElement(By.id("secret-panel")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(secret);

        // The test call: signed as real deliveries, verified with the official library, the receiver's answer shown.
        click(action(subscription, "test"));
        wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-status"),
                "Testoproep afgeleverd: de ontvanger antwoordde HTTP 204"));
        WebhookReceiver.Call test = receiver.await(call -> read(call.body()).path("type").asText().equals("test"), 1,
                DEADLINE).get(0);
        verify(secret, test);
        assertThat(read(test.body()).path("subscriptionId").asText()).isEqualTo(subscription);

        // Another region's coordinator (Keycloak token) sees neither the subscription nor the region's alerts.
        String other = keycloak.passwordGrant("monitor-cli", OTHER_COORDINATOR, OTHER_PASSWORD);
        String notifications = platform.url("notification-service");
        assertThat(get(notifications + "/api/subscriptions", other).body()).doesNotContain(subscription);
        assertThat(get(notifications + "/api/subscriptions/" + subscription, other).statusCode()).isEqualTo(403);
        assertThat(get(notifications + "/api/subscriptions/" + subscription + "/deliveries", other).statusCode())
                .isEqualTo(403);
        assertThat(get(notifications + "/api/alerts?region=Groningen", other).statusCode()).isEqualTo(403);

        // A failing submission for GM0014 (after a good one, so that it crosses down whatever came before): the
        // alert appears in the open page by the live feed, without a reload.
        script("window.__sameDocument = true");
        Set<String> before = alertIds();
        String respondent = keycloak.passwordGrant("monitor-cli", "respondent-gm0014", "respondent-demo");
        submit(respondent, "improved-assessment.json", 2020);
        submit(respondent, "failing-assessment.json", 2020);
        WebElement alert = new WebDriverWait(browser, ALERT_DEADLINE).until(driver -> driver
                .findElements(By.cssSelector("#alerts tbody tr[data-alert]")).stream()
                .filter(tr -> !before.contains(tr.getAttribute("data-alert")))
                .filter(tr -> tr.getText().contains("GM0014") && tr.getText().contains("20,0")
                        && tr.getText().contains("gedaald"))
                .findFirst().orElse(null));
        assertThat(alert.getText()).contains("Groningen").contains("totaalscore").contains("rood");
        assertThat(script("return window.__sameDocument === true")).isEqualTo(true);
        WebhookReceiver.Call delivered = receiver.await(call -> read(call.body()).path("type").asText()
                .equals("threshold-crossed") && read(call.body()).path("newScore").asDouble() == 20.0, 1,
                ALERT_DEADLINE).get(0);
        verify(secret, delivered);
        assertNoSeriousViolations("Meldingen, with a live alert");
        // The README's picture of the page (target/screenshots/meldingen.png; docs/meldingen.png is a copy).
        Path screenshot = KeycloakPlatform.ROOT.resolve("keycloak-tests/target/screenshots/meldingen.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // The delivery log shows the alert's delivery.
        click(action(subscription, "log"));
        wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#delivery-log tbody"),
                "afgeleverd"));
        assertNoSeriousViolations("Meldingen, the delivery log open");

        // Rotating shows a new secret once; the previous one stays valid for the overlap.
        click(action(subscription, "rotate"));
        wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-panel")));
        String rotated = browser.findElement(By.id("secret-value")).getText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(browser.findElement(By.id("secret-copied")).getText()).contains("vorige geheim blijft geldig");
        click(By.id("secret-done"));

        // Deleting asks first, then the row is gone.
        click(action(subscription, "delete"));
        click(action(subscription, "confirm-delete"));
        wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-status"),
                "Abonnement verwijderd."));
        assertThat(browser.findElements(By.cssSelector("tr[data-subscription='" + subscription + "']"))).isEmpty();

        // The other region's coordinator, signed in on the page: no Groningen alert, no subscription.
        click(By.id("sign-out"));
        wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-start")));
        browser.get(dashboard + "#/meldingen");
        click(By.id("sign-in-start"));
        signInAtKeycloak(OTHER_COORDINATOR, OTHER_PASSWORD);
        awaitReady();
        // (a user added by the admin API also has Keycloak's default roles, which the page lists too)
        assertThat(browser.findElement(By.id("who")).getText()).contains("coordinator").endsWith(" · Flevoland");
        assertThat(browser.findElement(By.id("alerts")).getText()).doesNotContain("GM0014");
        assertThat(browser.findElement(By.id("subscriptions-empty")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("tr[data-subscription]"))).isEmpty();
        assertNoSeriousViolations("Meldingen, another region (empty)");
        click(By.id("sign-out"));
        wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-start")));
    }

    private static By action(String subscription, String action) {
        return By.cssSelector("tr[data-subscription='" + subscription + "'] button[data-action='" + action + "']");
    }

    private static Set<String> alertIds() {
        return browser.findElements(By.cssSelector("#alerts tbody tr[data-alert]")).stream()
                .map(tr -> tr.getAttribute("data-alert")).collect(Collectors.toSet());
    }

    private static void submit(String token, String file, int year) throws Exception {
        ObjectNode assessment = (ObjectNode) JSON.readTree(Files.readString(KeycloakPlatform.ROOT.resolve(
                "local-run/demo/" + file)));
        assessment.put("municipality", "GM0014").put("year", year);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.url("survey-service")
                        + "/api/submissions")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(assessment))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(file + ": " + response.body()).isEqualTo(201);
    }

    private static void verify(String secret, WebhookReceiver.Call call) throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("webhook-id", List.of(call.id()));
        headers.put("webhook-timestamp", List.of(call.timestamp()));
        headers.put("webhook-signature", List.of(call.signature()));
        new Webhook(secret).verify(call.body(), headers); // throws when the signature does not verify
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void signInAtKeycloak(String user, String password) {
        wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    private static void click(By by) {
        wait(DEADLINE).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static WebDriverWait wait(Duration deadline) {
        return new WebDriverWait(browser, deadline);
    }

    private static void awaitReady() {
        wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
    }

    private static void awaitLive() {
        wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-live", "open"));
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private static void assertNoSeriousViolations(String state) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Axe.source());
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        assertThat(Axe.serious(js.executeAsyncScript(Axe.RUN))).as(state).isEmpty();
    }
}
