package nl.monitor.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coordinator's "Meldingen" page in a real headless Chromium behind Keycloak's login page: creates a webhook
 * subscription (a bad URL first: the error sits on the URL field, by the problem's field and code), sees the secret
 * once, sends a test call the receiver verifies with the official Standard Webhooks library, sees an alert appear live
 * after a failing submission (no reload), opens the delivery log, rotates the secret and deletes the subscription;
 * another region's coordinator sees none of it. A second test changes a subscription's filter (an out-of-range
 * threshold first), retries a delivery that failed for real (a receiver answering 500 until every attempt of the
 * platform's retry settings is spent), adds, changes and removes a municipality's contacts (an invalid address first)
 * and sees the region's municipalities that have not submitted in the running wave with who was invited when.
 * axe-core: nothing serious or critical in each state visited.
 */
class CoordinatorMeldingenIT {

    private static final Duration DEADLINE = DashboardBrowser.DEADLINE;
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
    private static DashboardBrowser page;
    private static String dashboard;
    private static WebhookReceiver receiver;
    private static WebhookReceiver failing;
    /** The wave the second test opens (and closes again), below AdminBeheerIT's 2089. */
    private static final int WAVE = 2088;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(Platform.freePort(), UNKNOWN_SECRET, call -> { });
        failing = new WebhookReceiver(Platform.freePort(), UNKNOWN_SECRET, call -> { }).answering(500);
        platform = KeycloakPlatform.platform();
        keycloak = KeycloakPlatform.keycloak();
        String reporting = platform.url("reporting-service");
        keycloak.allowBrowserApp("monitor-dashboard", reporting, "/dashboard/");
        keycloak.createUser(OTHER_COORDINATOR, OTHER_PASSWORD, "coordinator", Map.of("region", "Flevoland"));
        dashboard = reporting + "/dashboard/";
        browser = HeadlessChromium.start(1280, 1600);
        page = new DashboardBrowser(browser, keycloak.issuer());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (failing != null) {
            failing.close();
        }
    }

    @Test
    void a_coordinator_subscribes_tests_sees_an_alert_live_and_unsubscribes_and_another_region_sees_none_of_it()
            throws Exception {
        browser.get(dashboard + "#/meldingen");
        page.click(By.id("sign-in-start"));
        page.signInAtKeycloak("coordinator-groningen", "coordinator-demo");
        page.awaitReady();
        assertThat(browser.getCurrentUrl()).isEqualTo(dashboard + "#/meldingen");
        awaitLive();
        page.assertNoSeriousViolations("Meldingen, signed in");
        // The form shows the fields of the chosen channel only.
        assertThat(browser.findElement(By.id("sub-url")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("sub-email")).isDisplayed()).isFalse();

        // A URL that is no URL: the service's problem names the field "url" with code invalid-url; the page puts
        // its Dutch text on that field.
        WebElement url = browser.findElement(By.id("sub-url"));
        url.sendKeys("geen-webadres");
        browser.findElement(By.id("sub-description")).sendKeys("Browsertest Groningen");
        page.click(By.id("subscribe-submit"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("sub-url"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("sub-url-error")).getText()).startsWith("Geef een volledig webadres");
        assertThat(url.getAttribute("aria-describedby")).isEqualTo("sub-url-error");
        page.assertNoSeriousViolations("Meldingen, a field in error");

        url.clear();
        url.sendKeys(receiver.url());
        page.click(By.id("sub-targets"));                    // also the municipalities' own targets (issue 28)
        page.click(By.id("subscribe-submit"));
        page.wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-panel")));
        String secret = browser.findElement(By.id("secret-value")).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.findElement(By.id("secret-panel")).getText()).contains("maar één keer getoond");
        assertThat(browser.findElement(By.id("sub-url")).getAttribute("aria-invalid")).isNull();
        WebElement row = page.wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='subscriptions']//tr[td[normalize-space()='Browsertest Groningen']]")));
        String subscription = row.getAttribute("data-subscription");
        page.assertNoSeriousViolations("Meldingen, the secret shown once");
        page.click(By.id("secret-done"));
        assertThat(browser.findElement(By.id("secret-panel")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(secret);

        // The test call: signed as real deliveries, verified with the official library, the receiver's answer shown.
        page.click(action(subscription, "test"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-status"),
                "Testoproep afgeleverd: de ontvanger antwoordde HTTP 204"));
        WebhookReceiver.Call test = receiver.await(call -> read(call.body()).path("type").asText().equals("test"), 1,
                DEADLINE).get(0);
        verify(secret, test);
        assertThat(read(test.body()).path("subscriptionId").asText()).isEqualTo(subscription);

        // Another region's coordinator (Keycloak token) sees neither the subscription nor the region's alerts.
        String other = keycloak.passwordGrant("monitor-cli", OTHER_COORDINATOR, OTHER_PASSWORD);
        String notifications = platform.url("notification-service");
        String mine = keycloak.passwordGrant("monitor-cli", "coordinator-groningen", "coordinator-demo");
        assertThat(read(get(notifications + "/api/subscriptions/" + subscription, mine).body())
                .path("filter").path("targets").asBoolean()).as("the form's opt-in for own targets").isTrue();
        assertThat(get(notifications + "/api/subscriptions", other).body()).doesNotContain(subscription);
        assertThat(get(notifications + "/api/subscriptions/" + subscription, other).statusCode()).isEqualTo(403);
        assertThat(get(notifications + "/api/subscriptions/" + subscription + "/deliveries", other).statusCode())
                .isEqualTo(403);
        assertThat(get(notifications + "/api/alerts?region=Groningen", other).statusCode()).isEqualTo(403);

        // A failing submission for GM0014 (after a good one, so that it crosses down whatever came before): the
        // alert appears in the open page by the live feed, without a reload.
        page.script("window.__sameDocument = true");
        Set<String> before = alertIds();
        String respondent = keycloak.passwordGrant("monitor-cli", "respondent-gm0014", "respondent-demo");
        submit(respondent, "improved-assessment.json", 2020);
        submit(respondent, "failing-assessment.json", 2020);
        WebElement alert = page.wait(ALERT_DEADLINE).until(driver -> driver
                .findElements(By.cssSelector("#alerts tbody tr[data-alert]")).stream()
                .filter(tr -> !before.contains(tr.getAttribute("data-alert")))
                .filter(tr -> tr.getText().contains("GM0014") && tr.getText().contains("20,0")
                        && tr.getText().contains("gedaald"))
                .findFirst().orElse(null));
        assertThat(alert.getText()).contains("Groningen").contains("totaalscore").contains("rood");
        assertThat(page.script("return window.__sameDocument === true")).isEqualTo(true);
        WebhookReceiver.Call delivered = receiver.await(call -> read(call.body()).path("type").asText()
                .equals("threshold-crossed") && read(call.body()).path("newScore").asDouble() == 20.0, 1,
                ALERT_DEADLINE).get(0);
        verify(secret, delivered);
        page.assertNoSeriousViolations("Meldingen, with a live alert");
        // The README's picture of the page (target/screenshots/meldingen.png; docs/meldingen.png is a copy).
        Path screenshot = KeycloakPlatform.ROOT.resolve("keycloak-tests/target/screenshots/meldingen.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // The delivery log shows the alert's delivery.
        page.click(action(subscription, "log"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#delivery-log tbody"),
                "afgeleverd"));
        page.assertNoSeriousViolations("Meldingen, the delivery log open");

        // Rotating shows a new secret once; the previous one stays valid for the overlap.
        page.click(action(subscription, "rotate"));
        page.wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-panel")));
        String rotated = browser.findElement(By.id("secret-value")).getText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(browser.findElement(By.id("secret-copied")).getText()).contains("vorige geheim blijft geldig");
        page.click(By.id("secret-done"));

        // Deleting asks first, then the row is gone.
        page.click(action(subscription, "delete"));
        page.click(action(subscription, "confirm-delete"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-status"),
                "Abonnement verwijderd."));
        assertThat(browser.findElements(By.cssSelector("tr[data-subscription='" + subscription + "']"))).isEmpty();

        // The other region's coordinator, signed in on the page: no Groningen alert, no subscription.
        page.click(By.id("sign-out"));
        page.visible(By.id("sign-in-start"));
        browser.get(dashboard + "#/meldingen");
        page.click(By.id("sign-in-start"));
        page.signInAtKeycloak(OTHER_COORDINATOR, OTHER_PASSWORD);
        page.awaitReady();
        // (a user added by the admin API also has Keycloak's default roles, which the page lists too)
        assertThat(browser.findElement(By.id("who")).getText()).contains("coordinator").endsWith(" · Flevoland");
        assertThat(browser.findElement(By.id("alerts")).getText()).doesNotContain("GM0014");
        assertThat(browser.findElement(By.id("subscriptions-empty")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("tr[data-subscription]"))).isEmpty();
        page.assertNoSeriousViolations("Meldingen, another region (empty)");
        page.click(By.id("sign-out"));
        page.visible(By.id("sign-in-start"));
    }

    @Test
    void a_coordinator_changes_a_subscription_retries_a_failed_delivery_keeps_contacts_and_sees_who_has_not_submitted()
            throws Exception {
        String admin = keycloak.passwordGrant("monitor-cli", "monitor-admin", "admin-demo");
        String survey = platform.url("survey-service");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> opened = send("POST", survey + "/api/admin/waves", admin, """
                {"year": %d, "questionnaireVersion": 1, "rulesVersion": 1, "openFrom": "%s", "openUntil": "%s"}
                """.formatted(WAVE, now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        try {
            changeAndRetry();
            contactsAndOutstanding(admin);
        } finally {
            assertThat(send("POST", survey + "/api/admin/waves/" + WAVE + "/close", admin, "").statusCode())
                    .isEqualTo(200);
        }
    }

    private void changeAndRetry() throws Exception {
        browser.get(dashboard + "#/meldingen");
        page.click(By.id("sign-in-start"));
        page.signInAtKeycloak("coordinator-groningen", "coordinator-demo");
        page.awaitReady();
        awaitLive();

        // A webhook for GM0014's total score crossing 30 and goal 3 crossing 40, downwards, to a receiver that
        // answers 500 (a threshold row left without a limit first: placed at its field, nothing sent).
        browser.findElement(By.id("sub-url")).sendKeys(failing.url());
        browser.findElement(By.id("sub-description")).sendKeys("Browsertest filter");
        new Select(browser.findElement(By.id("sub-municipalities"))).selectByValue("GM0014");
        page.click(By.id("threshold-add"));
        browser.findElement(By.id("sub-threshold-0-value")).sendKeys("30");
        page.click(By.id("threshold-add"));
        assertThat(new Select(browser.findElement(By.id("sub-threshold-1-on"))).getOptions())
                .extracting(o -> o.getAttribute("value")).as("the goals of the waves' questionnaires")
                .startsWith("TOTAL", "1", "2", "3").contains("10");
        new Select(browser.findElement(By.id("sub-threshold-1-on"))).selectByValue("3");
        new Select(browser.findElement(By.id("sub-direction"))).selectByValue("DOWN");
        page.click(By.id("subscribe-submit"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("sub-threshold-1-value"), "aria-invalid",
                "true"));
        assertThat(browser.findElement(By.id("sub-threshold-1-value-error")).getText()).isEqualTo("Vul een grens in.");
        page.assertNoSeriousViolations("Meldingen, a threshold without a limit");
        browser.findElement(By.id("sub-threshold-1-value")).sendKeys("40");
        page.click(By.id("subscribe-submit"));
        page.wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-panel")));
        page.click(By.id("secret-done"));
        WebElement row = page.wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='subscriptions']//tr[td[normalize-space()='Browsertest filter']]")));
        String subscription = row.getAttribute("data-subscription");
        String coordinator = keycloak.passwordGrant("monitor-cli", "coordinator-groningen", "coordinator-demo");
        String notifications = platform.url("notification-service");
        JsonNode created = read(get(notifications + "/api/subscriptions/" + subscription, coordinator).body())
                .path("filter").path("thresholds");
        assertThat(created).hasSize(2);
        assertThat(created.get(0).path("scope").asText()).isEqualTo("TOTAL");
        assertThat(created.get(0).path("value").asDouble()).isEqualTo(30.0);
        assertThat(created.get(1).path("scope").asText()).isEqualTo("GOAL");
        assertThat(created.get(1).path("goal").asInt()).isEqualTo(3);
        assertThat(created.get(1).path("value").asDouble()).isEqualTo(40.0);

        // Changing it: the form shows both thresholds; the goal's is removed, a limit above 100 is refused on that
        // field (by the API's path filter.thresholds[0].value), then 25 is stored as the only threshold.
        page.click(action(subscription, "edit"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBe(By.id("subscribe-title"), "Abonnement wijzigen"));
        assertThat(browser.findElement(By.id("sub-url")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("sub-threshold-0-value")).getAttribute("value")).isEqualTo("30");
        assertThat(new Select(browser.findElement(By.id("sub-threshold-1-on"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("3");
        assertThat(browser.findElement(By.id("sub-threshold-1-value")).getAttribute("value")).isEqualTo("40");
        assertThat(new Select(browser.findElement(By.id("sub-municipalities"))).getAllSelectedOptions())
                .extracting(o -> o.getAttribute("value")).containsExactly("GM0014");
        page.assertNoSeriousViolations("Meldingen, a subscription being changed");
        WebElement description = browser.findElement(By.id("sub-description"));
        description.clear();
        description.sendKeys("Browsertest gewijzigd");
        page.click(By.cssSelector("#threshold-rows li[data-threshold='1'] button[data-remove-threshold]"));
        assertThat(browser.findElements(By.cssSelector("#threshold-rows li"))).hasSize(1);
        WebElement threshold = browser.findElement(By.id("sub-threshold-0-value"));
        threshold.clear();
        threshold.sendKeys("140");
        page.click(By.id("subscribe-submit"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("sub-threshold-0-value"), "aria-invalid",
                "true"));
        assertThat(browser.findElement(By.id("sub-threshold-0-value-error")).getText())
                .isEqualTo("Een grens ligt tussen 0 en 100.");
        page.assertNoSeriousViolations("Meldingen, a change with a field in error");
        threshold.clear();
        threshold.sendKeys("25");
        page.click(By.id("subscribe-submit"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-status"),
                "Abonnement gewijzigd."));
        JsonNode changed = read(get(notifications + "/api/subscriptions/" + subscription, coordinator).body());
        assertThat(changed.path("description").asText()).isEqualTo("Browsertest gewijzigd");
        assertThat(changed.path("filter").path("municipalities").toString()).isEqualTo("[\"GM0014\"]");
        assertThat(changed.path("filter").path("thresholds")).hasSize(1);
        assertThat(changed.path("filter").path("thresholds").get(0).path("value").asDouble()).isEqualTo(25.0);
        assertThat(changed.path("filter").path("direction").asText()).isEqualTo("DOWN");
        assertThat(browser.findElement(By.id("subscribe-title")).getText()).isEqualTo("Nieuw abonnement");

        // A failing GM0014 submission after a good one: every attempt answered 500, the delivery FAILED.
        String respondent = keycloak.passwordGrant("monitor-cli", "respondent-gm0014", "respondent-demo");
        submit(respondent, "improved-assessment.json", 2020);
        submit(respondent, "failing-assessment.json", 2020);
        JsonNode failed = await("a FAILED delivery of " + subscription).atMost(ALERT_DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> read(get(notifications + "/api/subscriptions/" + subscription + "/deliveries",
                        coordinator).body()), log -> log.size() == 1 && log.get(0).path("status").asText()
                        .equals("FAILED"))
                .get(0);
        String delivery = failed.path("id").asText();
        int attempts = failed.path("attemptsMade").asInt();
        assertThat(failing.calls()).filteredOn(call -> delivery.equals(call.id())).hasSize(attempts);

        // The log offers the retry; the receiver answers 204 again, and the retried delivery is delivered.
        page.click(action(subscription, "log"));
        By retry = By.cssSelector("#delivery-log tr[data-delivery='" + delivery + "'] button[data-retry]");
        page.wait(DEADLINE).until(ExpectedConditions.elementToBeClickable(retry));
        assertThat(browser.findElement(By.cssSelector("#delivery-log tr[data-delivery='" + delivery + "']"))
                .getText()).contains("mislukt").contains("HTTP 500");
        page.assertNoSeriousViolations("Meldingen, a failed delivery in the log");
        failing.answering(204);
        page.click(retry);
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-status"),
                "Aflevering wordt opnieuw geprobeerd"));
        failing.await(call -> delivery.equals(call.id()), attempts + 1, DEADLINE);
        // The open log refreshes itself while the retried delivery is pending: no click needed to see the outcome.
        page.wait(DEADLINE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#delivery-log tr[data-delivery='" + delivery + "'][data-status='DELIVERED']")));
        page.awaitState("delivery-log", "ready");
        assertThat(browser.findElements(retry)).isEmpty();
        page.assertNoSeriousViolations("Meldingen, the retried delivery delivered");
        assertThat(send("DELETE", notifications + "/api/subscriptions/" + subscription, coordinator, null)
                .statusCode()).isEqualTo(204);
    }

    private void contactsAndOutstanding(String admin) throws Exception {
        String survey = platform.url("survey-service");
        String coordinator = keycloak.passwordGrant("monitor-cli", "coordinator-groningen", "coordinator-demo");
        // The running wave as the page finds it (the newest that takes submissions: this test's, or a newer one of
        // another test), and the reporting-service knowing it.
        int year = java.util.stream.StreamSupport.stream(read(get(survey + "/api/waves", coordinator).body())
                        .spliterator(), false).filter(wave -> wave.path("acceptingNow").asBoolean())
                .mapToInt(wave -> wave.path("year").asInt()).max().orElseThrow();
        assertThat(year).isGreaterThanOrEqualTo(WAVE);
        await("Groningen's outstanding list of " + year).atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> get(platform.url("reporting-service") + "/api/regions/Groningen/outstanding?year=" + year,
                        coordinator), response -> response.statusCode() == 200 && response.body().contains("GM0037"));

        // Stadskanaal's contacts: an address that is none is refused on its field; then added, changed, and a second.
        Select municipality = new Select(browser.findElement(By.id("contacts-municipality")));
        municipality.selectByValue("GM0037");
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("contacts-table"), "data-municipality", "GM0037"));
        List<WebElement> existing = browser.findElements(By.cssSelector("#contacts-table tbody tr"));
        assertThat(existing).as("this test's municipality starts without contacts").isEmpty();
        page.click(By.id("contact-add"));
        browser.findElement(By.id("contact-0-name")).sendKeys("S. Kanaal");
        browser.findElement(By.id("contact-0-email")).sendKeys("geen-adres");
        page.click(By.id("contacts-save"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("contact-0-email"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("contact-0-email-error")).getText())
                .isEqualTo("Geef een geldig e-mailadres.");
        page.assertNoSeriousViolations("Meldingen, a contact with a field in error");
        browser.findElement(By.id("contact-0-email")).clear();
        browser.findElement(By.id("contact-0-email")).sendKeys("S.Kanaal@Stadskanaal.example");
        page.click(By.id("contacts-save"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBe(By.id("contacts-status"), "Contactpersonen opgeslagen (1)."));
        assertThat(browser.findElement(By.id("contact-0-email")).getAttribute("value"))
                .isEqualTo("s.kanaal@stadskanaal.example");
        browser.findElement(By.id("contact-0-role")).sendKeys("beleidsmedewerker");
        page.click(By.id("contact-add"));
        browser.findElement(By.id("contact-1-name")).sendKeys("T. Weede");
        browser.findElement(By.id("contact-1-email")).sendKeys("t.weede@stadskanaal.example");
        page.click(By.id("contacts-save"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBe(By.id("contacts-status"), "Contactpersonen opgeslagen (2)."));
        JsonNode contacts = read(get(survey + "/api/municipalities/GM0037/contacts", coordinator).body())
                .path("contacts");
        assertThat(contacts.findValuesAsText("email"))
                .containsExactlyInAnyOrder("s.kanaal@stadskanaal.example", "t.weede@stadskanaal.example");
        assertThat(contacts.findValuesAsText("role")).contains("beleidsmedewerker");
        page.assertNoSeriousViolations("Meldingen, contacts saved");

        // A campaign round (the admin's, now instead of at the next interval) invites both; the list of those that
        // have not submitted shows Stadskanaal with whom it invited when.
        HttpResponse<String> round = send("POST", survey + "/api/admin/waves/" + year + "/campaign/run", admin, "");
        assertThat(round.statusCode()).as(round.body()).isEqualTo(200);
        browser.navigate().refresh();
        page.awaitReady();
        By stadskanaal = By.cssSelector("#outstanding tr[data-municipality='GM0037'] td[data-invited]");
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(stadskanaal,
                "t.weede@stadskanaal.example"));
        assertThat(browser.findElement(By.id("outstanding-title")).getText())
                .isEqualTo("Nog niet ingediend in " + year);
        assertThat(browser.findElement(stadskanaal).getText()).contains("s.kanaal@stadskanaal.example")
                .containsPattern("(verstuurd|mislukt|onzeker) \\d{1,2} [a-z]+ \\d{4} om \\d{2}:\\d{2}");
        page.assertNoSeriousViolations("Meldingen, the municipalities that have not submitted");

        // Removing the first contact (from the outstanding row's "Contactpersonen").
        page.click(By.cssSelector("#outstanding tr[data-municipality='GM0037'] button[data-contacts]"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("contact-0-email"), "value",
                "s.kanaal@stadskanaal.example"));
        page.click(By.cssSelector("#contacts-table tr[data-contact='0'] button[data-remove-contact]"));
        assertThat(browser.findElement(By.id("contact-0-email")).getAttribute("value"))
                .isEqualTo("t.weede@stadskanaal.example");
        page.click(By.id("contacts-save"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBe(By.id("contacts-status"), "Contactpersonen opgeslagen (1)."));
        assertThat(read(get(survey + "/api/municipalities/GM0037/contacts", coordinator).body()).path("contacts")
                .findValuesAsText("email")).containsExactly("t.weede@stadskanaal.example");
        assertThat(send("PUT", survey + "/api/municipalities/GM0037/contacts", coordinator, "{\"contacts\": []}")
                .statusCode()).isEqualTo(200);
        page.click(By.id("sign-out"));
        page.visible(By.id("sign-in-start"));
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

    private static void awaitLive() {
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-live", "open"));
    }
}
