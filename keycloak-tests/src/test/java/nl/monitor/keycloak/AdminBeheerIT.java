package nl.monitor.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.SmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The administrator's "Beheer" in a real headless Chromium behind Keycloak's login page: opens a wave (a missing year
 * first: the error sits on the year field), runs its campaign round, closes it, reopens it with a reason (none first:
 * the dialog shows why), redrives a real dead letter (a poison record published to score-computed, which the
 * reporting-service dead-letters) and sees its outcome, and finds all of it in the audit trail; a coordinator sees no
 * "Beheer" and the admin APIs refuse them. axe-core: nothing serious or critical in each state visited.
 */
class AdminBeheerIT {

    private static final Duration DEADLINE = DashboardBrowser.DEADLINE;
    private static final Duration EVENT_DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A year no other test opens a wave for. */
    private static final int YEAR = 2089;
    /** How the page asks for a moment: day first, in Dutch time, whatever the browser's locale and zone. */
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** The address the campaign round mails (a contact of GM0014 for the length of this test). */
    private static final String CONTACT = "beheer-campagne@gm0014.example";
    private static final Path DOWNLOADS = KeycloakPlatform.ROOT.resolve("keycloak-tests/target/beheer-downloads");

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
        dashboard = reporting + "/dashboard/";
        Files.createDirectories(DOWNLOADS);
        Files.deleteIfExists(DOWNLOADS.resolve("audittrail.csv"));
        browser = HeadlessChromium.start(1400, 1600, DOWNLOADS);
        page = new DashboardBrowser(browser, keycloak.issuer());
    }

    /**
     * The suite shares one platform: the wave this test reopened is closed again, so that the other tests' respondents
     * land on their own open wave, not on this one (RespondentQuestionnaireIT lands on the newest open wave).
     */
    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        String admin = keycloak.passwordGrant("monitor-cli", "monitor-admin", "admin-demo");
        assertThat(put(platform.url("survey-service") + "/api/municipalities/GM0014/contacts", admin,
                "{\"contacts\": []}").statusCode()).as("removing GM0014's contact").isEqualTo(200);
        String wave = platform.url("survey-service") + "/api/admin/waves/" + YEAR;
        if ("OPEN".equals(json(get(wave, admin)).path("status").asText())) {
            assertThat(post(wave + "/close", admin, "{}").statusCode()).as("closing wave " + YEAR).isBetween(200, 204);
        }
    }

    @Test
    void an_admin_opens_and_closes_a_wave_redrives_a_dead_letter_and_finds_both_in_the_audit_trail() throws Exception {
        String admin = keycloak.passwordGrant("monitor-cli", "monitor-admin", "admin-demo");
        browser.get(dashboard + "#/beheer/golven");
        page.click(By.id("sign-in-start"));
        page.signInAtKeycloak("monitor-admin", "admin-demo");
        page.awaitReady();
        assertThat(browser.getCurrentUrl()).isEqualTo(dashboard + "#/beheer/golven");
        assertThat(browser.findElement(By.cssSelector("nav a[data-nav='beheer']")).isDisplayed()).isTrue();
        page.assertNoSeriousViolations("Beheer, waves");

        // The window is typed day first in Dutch time (text fields, not the browser's locale-bound pickers): a date
        // that does not exist (31 February) is placed at its field before anything is sent.
        ZonedDateTime now = ZonedDateTime.now(AMSTERDAM).truncatedTo(ChronoUnit.MINUTES);
        WebElement openFrom = browser.findElement(By.id("wave-openFrom"));
        openFrom.sendKeys("31-02-" + now.getYear() + " 09:00");
        browser.findElement(By.id("wave-openUntil")).sendKeys(now.plusDays(30).format(DUTCH));
        page.click(By.id("open-wave-submit"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("wave-openFrom"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("wave-openFrom-error")).getText()).startsWith("Geef datum en tijd als "
                + "dd-mm-jjjj uu:mm");
        assertThat(browser.findElements(By.cssSelector("#confirm-dialog[open]"))).isEmpty();
        page.assertNoSeriousViolations("Beheer, a date that does not exist");
        openFrom.clear();
        openFrom.sendKeys(now.minusDays(1).format(DUTCH));

        // Opening without a year: the service names the field, the page puts its Dutch text there.
        page.click(By.id("open-wave-submit"));
        awaitDialog();
        page.assertNoSeriousViolations("Beheer, the confirmation dialog");
        page.click(By.id("confirm-ok"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("wave-year"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("wave-year-error")).getText()).isEqualTo("Vul dit veld in.");
        assertThat(browser.findElement(By.id("confirm-dialog")).isDisplayed()).isFalse();
        page.assertNoSeriousViolations("Beheer, a field in error");

        browser.findElement(By.id("wave-year")).sendKeys(String.valueOf(YEAR));
        page.click(By.id("open-wave-submit"));
        awaitDialog();
        assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("Golf " + YEAR + " openen?");
        page.click(By.id("confirm-ok"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wave-status"),
                "Golf " + YEAR + " is geopend."));
        assertThat(waveRow().findElement(By.cssSelector("[data-status]")).getText()).isEqualTo("open (neemt nu in)");
        assertThat(waveRow().getText()).contains("Campagne");
        JsonNode opened = json(get(platform.url("survey-service") + "/api/admin/waves/" + YEAR, admin));
        assertThat(opened.path("status").asText()).isEqualTo("OPEN");
        assertThat(opened.path("questionnaireVersion").asInt()).isEqualTo(1);
        assertThat(Instant.parse(opened.path("openFrom").asText())).as("the typed Dutch time")
                .isEqualTo(now.minusDays(1).toInstant());

        // A contact for GM0014, so that the round has someone to mail (removed again when the test ends).
        assertThat(put(platform.url("survey-service") + "/api/municipalities/GM0014/contacts", admin,
                "{\"contacts\": [{\"name\": \"Campagnetest\", \"email\": \"" + CONTACT + "\"}]}")
                .statusCode()).isEqualTo(200);

        // Its campaign: what went out, and a round run now (after confirming).
        page.click(By.cssSelector("tr[data-wave='" + YEAR + "'] a[href='#/beheer/campagne/" + YEAR + "']"));
        page.awaitReady();
        assertThat(browser.findElement(By.tagName("h3")).getText()).isEqualTo("Campagne van golf " + YEAR);
        page.click(By.id("campaign-run"));
        awaitDialog();
        page.click(By.id("confirm-ok"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-status"),
                "Ronde uitgevoerd:"));
        // The invitation went out by real SMTP, and the page's message list says to whom (a scheduled round may
        // have sent it first: either way it is there once).
        WebElement sent = browser.findElement(By.xpath("//table[@id='campaign-messages']//tr[td[2]='" + CONTACT + "']"));
        assertThat(sent.getText()).contains("GM0014").contains("INVITATION").contains("verstuurd");
        assertThat(SmtpServer.received().getReceivedMessagesForDomain("gm0014.example")).as("mail to " + CONTACT)
                .hasSize(1);
        page.assertNoSeriousViolations("Beheer, a campaign after a round");

        // Close it, after confirming.
        browser.get(dashboard + "#/beheer/golven");
        page.awaitReady();
        page.click(By.cssSelector("tr[data-wave='" + YEAR + "'] button[data-action='close']"));
        awaitDialog();
        page.click(By.id("confirm-ok"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wave-status"),
                "Golf " + YEAR + " is gesloten."));
        assertThat(waveRow().findElement(By.cssSelector("[data-status]")).getText()).isEqualTo("gesloten");
        assertThat(json(get(platform.url("survey-service") + "/api/admin/waves/" + YEAR, admin)).path("status")
                .asText()).isEqualTo("CLOSED");

        // Reopening needs a reason: without one the dialog stays open with the field in error and the service's words.
        page.click(By.cssSelector("tr[data-wave='" + YEAR + "'] button[data-action='reopen']"));
        awaitDialog();
        page.click(By.id("confirm-ok"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("reopen-reason"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("reopen-reason-error")).getText()).isEqualTo("Vul dit veld in.");
        assertThat(browser.findElement(By.id("confirm-error")).getText()).startsWith("Dat is niet gelukt.")
                .contains("Melding van de dienst:");
        page.assertNoSeriousViolations("Beheer, the reopen dialog in error");
        browser.findElement(By.id("reopen-reason")).sendKeys("Twee gemeenten vroegen om een week extra");
        page.click(By.id("confirm-ok"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wave-status"),
                "Golf " + YEAR + " is heropend."));
        assertThat(waveRow().getText()).contains("Twee gemeenten vroegen om een week extra");

        // A real dead letter: a record on score-computed that is no JSON, dead-lettered by the reporting-service.
        String marker = "beheer-" + UUID.randomUUID();
        EventPublisher.shared().send("score-computed", "GM0014", "{geen json " + marker);
        String deadLetters = platform.url("reporting-service") + "/api/admin/dead-letters";
        await().atMost(EVENT_DEADLINE).until(() -> get(deadLetters, admin).body().contains(marker));
        browser.get(dashboard + "#/beheer/onverwerkbaar");
        page.awaitReady();
        WebElement deadLetter = browser.findElement(By.xpath(
                "//section[@data-service='reporting-service']//tr[td/code[contains(., '" + marker + "')]]"));
        assertThat(deadLetter.findElement(By.cssSelector("[data-reason]")).getText()).isNotBlank();
        page.assertNoSeriousViolations("Beheer, dead letters");
        deadLetter.findElement(By.cssSelector("input[type=checkbox]")).click();
        page.click(By.cssSelector("section[data-service='reporting-service'] button[data-redrive='chosen']"));
        awaitDialog();
        assertThat(browser.findElement(By.id("confirm-title")).getText())
                .isEqualTo("1 gekozen bericht opnieuw aanbieden?");
        page.click(By.id("confirm-ok"));
        // Still no JSON, so still poison: the outcome says so, with the reason. (The redrive reads the dead-letter
        // topic again first: the broker's deadline, not the page's.)
        page.wait(EVENT_DEADLINE).until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "section[data-service='reporting-service'] table.outcomes tbody tr")),
                ExpectedConditions.visibilityOfElementLocated(By.id("confirm-error"))));
        assertThat(browser.findElement(By.id("confirm-error")).getText()).as("the dialog's error").isEmpty();
        WebElement outcome = browser.findElement(By.cssSelector(
                "section[data-service='reporting-service'] table.outcomes tbody tr"));
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("POISON");
        assertThat(outcome.getText()).contains("nog steeds onverwerkbaar")
                .contains(deadLetter.getAttribute("data-topic"));
        assertThat(browser.findElements(By.cssSelector(
                "section[data-service='reporting-service'] table.outcomes tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("section[data-service='reporting-service'] .redrive-status"))
                .getText()).isEqualTo("1 bericht opnieuw aangeboden: 1 nog steeds onverwerkbaar.");
        page.assertNoSeriousViolations("Beheer, dead letters with the redrive's outcome");

        // "Alle opnieuw aanbieden": every dead letter of the service, after confirming; one outcome each, the poison
        // record still poison among them.
        int all = browser.findElements(By.cssSelector("section[data-service='reporting-service'] tbody tr[data-topic]"))
                .size();
        page.click(By.cssSelector("section[data-service='reporting-service'] button[data-redrive='all']"));
        awaitDialog();
        assertThat(browser.findElement(By.id("confirm-title")).getText())
                .isEqualTo("Alle onverwerkbare berichten van reporting-service opnieuw aanbieden?");
        page.click(By.id("confirm-ok"));
        page.wait(EVENT_DEADLINE).until(ExpectedConditions.or(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                        "section[data-service='reporting-service'] .redrive-status"), all + " bericht"),
                ExpectedConditions.visibilityOfElementLocated(By.id("confirm-error"))));
        assertThat(browser.findElement(By.id("confirm-error")).getText()).as("the dialog's error").isEmpty();
        String place = deadLetter.getAttribute("data-topic") + " " + deadLetter.getAttribute("data-partition") + "/"
                + deadLetter.getAttribute("data-offset");
        assertThat(browser.findElements(By.cssSelector(
                "section[data-service='reporting-service'] table.outcomes tbody tr"))).hasSize(all)
                .filteredOn(row -> row.findElement(By.tagName("td")).getText().equals(place)).singleElement()
                .satisfies(row -> assertThat(row.getAttribute("data-outcome")).isEqualTo("POISON"));
        page.assertNoSeriousViolations("Beheer, dead letters after redriving all");

        // The read model's rebuild, after confirming: what it read, per topic and in total; the poison record on
        // score-computed is among what it skipped.
        browser.get(dashboard + "#/beheer/leesmodel");
        page.awaitReady();
        page.assertNoSeriousViolations("Beheer, the read model");
        page.click(By.id("rebuild-start"));
        awaitDialog();
        page.click(By.id("confirm-ok"));
        page.wait(EVENT_DEADLINE).until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("rebuild-result")),
                ExpectedConditions.visibilityOfElementLocated(By.id("confirm-error"))));
        assertThat(browser.findElement(By.id("confirm-error")).getText()).as("the dialog's error").isEmpty();
        assertThat(browser.findElement(By.id("rebuild-status")).getText()).startsWith("Herbouwd in");
        List<String> scores = browser.findElements(By.xpath(
                "//table[@id='rebuild-result']//tr[th='score-computed']/td")).stream().map(WebElement::getText).toList();
        assertThat(scores).hasSize(5);
        assertThat(Integer.parseInt(scores.get(0).replace(".", ""))).as("records").isPositive();
        assertThat(Integer.parseInt(scores.get(4).replace(".", ""))).as("poison skipped").isPositive();
        assertThat(browser.findElement(By.xpath("//table[@id='rebuild-result']//tr[th='Totaal']")).isDisplayed())
                .isTrue();
        page.assertNoSeriousViolations("Beheer, the read model rebuilt");

        // Nothing parked: every service says so.
        browser.get(dashboard + "#/beheer/geparkeerd");
        page.awaitReady();
        assertThat(browser.findElements(By.cssSelector("section[data-service] [data-empty]"))).hasSize(4);
        page.assertNoSeriousViolations("Beheer, parked rows (empty)");

        // A row Kafka refused for good, parked as the relay parks one (parked_at and a reason), in the
        // notification-service's outbox; "Terugzetten" after confirming puts it back in line, and the relay sends it
        // (to a topic nobody reads) and removes it from the outbox.
        String parkedEvent = "beheer-parked-" + UUID.randomUUID();
        long parked;
        try (Connection db = PostgresServer.shared().connect(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO notification.outbox_event (event_id, topic, record_key, payload, parked_at, parked_reason)"
                        + " VALUES (?, 'beheer-parked-check', 'GM0014', '{}', now(), 'RecordTooLargeException (test)')"
                        + " RETURNING id")) {
            insert.setString(1, parkedEvent);
            try (ResultSet row = insert.executeQuery()) {
                assertThat(row.next()).isTrue();
                parked = row.getLong(1);
            }
        }
        browser.navigate().refresh(); // the same address: read the parked rows again
        page.awaitReady();
        By parkedRow = By.cssSelector("section[data-service='notification-service'] tr[data-parked='" + parked + "']");
        assertThat(browser.findElement(parkedRow).getText()).contains("beheer-parked-check")
                .contains("RecordTooLargeException (test)");
        page.assertNoSeriousViolations("Beheer, a parked row");
        page.click(By.cssSelector("section[data-service='notification-service'] button[data-retry='" + parked + "']"));
        awaitDialog();
        assertThat(browser.findElement(By.id("confirm-title")).getText())
                .isEqualTo("Bericht " + parked + " van notification-service terugzetten?");
        page.click(By.id("confirm-ok"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                "section[data-service='notification-service'] .parked-status"), "Bericht " + parked
                + " staat weer in de rij."));
        assertThat(browser.findElements(parkedRow)).isEmpty();
        page.assertNoSeriousViolations("Beheer, a parked row put back");
        await("the relay sends the row put back").atMost(EVENT_DEADLINE).until(() -> outboxRows(parkedEvent) == 0);

        // The audit trail: a "to" before "from" is refused on its field; then the admin's own actions, all four.
        browser.get(dashboard + "#/beheer/audit?from=2026-12-08&to=2026-12-01");
        page.awaitReady();
        assertThat(browser.findElement(By.id("audit-to")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("audit-to-error")).getText())
                .isEqualTo("Deze datum moet na de begindatum liggen.");
        page.assertNoSeriousViolations("Beheer, audit filter in error");
        String actor = claims(admin).path("sub").asText();
        browser.get(dashboard + "#/beheer/audit?actor=" + actor);
        page.awaitReady();
        // The entries arrive through Kafka: "Toon" again until all are there.
        List<String> actions = List.of("wave.opened", "wave.closed", "wave.reopened", "dead-letter.redriven",
                "read-model.rebuilt");
        page.wait(EVENT_DEADLINE).pollingEvery(Duration.ofSeconds(1))
                .ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("#audit-filter button[type=submit]")).click();
            return actions.stream().allMatch(action -> !driver.findElements(
                    By.cssSelector("#audit tbody tr[data-action='" + action + "']")).isEmpty());
        });
        page.awaitReady();
        assertThat(browser.findElement(By.cssSelector("#audit tbody tr[data-action='wave.closed']")).getText())
                .contains("wave/" + YEAR).contains(actor).contains("survey-service");
        assertThat(browser.findElement(By.cssSelector("#audit tbody tr[data-action='dead-letter.redriven']"))
                .getText()).contains("reporting-service").contains("POISON");
        assertThat(browser.findElement(By.id("audit-count")).getText()).matches("\\d+ regels, 1–\\d+ getoond");
        page.assertNoSeriousViolations("Beheer, the audit trail");
        // The README's picture of the page (target/screenshots/beheer.png; docs/beheer.png is a copy).
        Path screenshot = KeycloakPlatform.ROOT.resolve("keycloak-tests/target/screenshots/beheer.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // The export is the API's CSV of everything the filter selects, not just the page.
        page.click(By.id("audit-csv"));
        Path csv = DOWNLOADS.resolve("audittrail.csv");
        HttpResponse<String> expected = get(platform.url("reporting-service") + "/api/admin/audit?actor=" + actor
                + "&limit=10000&offset=0&format=csv", admin);
        assertThat(expected.statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        assertThat(Files.readString(csv)).isEqualTo(expected.body()).contains("wave.opened", "dead-letter.redriven");

        // Paging: two entries a page, the next page starts at the third.
        browser.get(dashboard + "#/beheer/audit?actor=" + actor + "&limit=2");
        page.awaitReady();
        assertThat(browser.findElements(By.cssSelector("#audit tbody tr"))).hasSize(2);
        String total = browser.findElement(By.id("audit-count")).getText().replaceAll(" regels.*", "");
        assertThat(browser.findElement(By.id("audit-count")).getText()).isEqualTo(total + " regels, 1–2 getoond");
        assertThat(browser.findElements(By.id("audit-previous"))).isEmpty();
        page.click(By.id("audit-next"));
        page.wait(DEADLINE).until(ExpectedConditions.textToBe(By.id("audit-count"), total + " regels, 3–4 getoond"));
        page.awaitReady();
        assertThat(browser.findElements(By.id("audit-previous"))).hasSize(1);
        page.assertNoSeriousViolations("Beheer, the audit trail's second page");
    }

    @Test
    void a_coordinator_sees_no_beheer_and_the_admin_apis_refuse_them() throws Exception {
        String coordinator = keycloak.passwordGrant("monitor-cli", "coordinator-groningen", "coordinator-demo");
        assertThat(get(platform.url("survey-service") + "/api/admin/waves", coordinator).statusCode()).isEqualTo(403);
        assertThat(get(platform.url("reporting-service") + "/api/admin/audit", coordinator).statusCode())
                .isEqualTo(403);
        assertThat(get(platform.url("scoring-service") + "/api/admin/dead-letters", coordinator).statusCode())
                .isEqualTo(403);
        assertThat(post(platform.url("reporting-service") + "/api/admin/dead-letters/redrive", coordinator,
                "{\"topic\":\"reporting-service.score-computed.dlq\",\"all\":true}").statusCode()).isEqualTo(403);

        browser.get(dashboard + "#/beheer/golven");
        page.click(By.id("sign-in-start"));
        page.signInAtKeycloak("coordinator-groningen", "coordinator-demo");
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "error"));
        assertThat(browser.findElement(By.cssSelector("nav a[data-nav='beheer']")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("nav a[data-nav='meldingen']")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("Geen toegang");
        assertThat(browser.findElements(By.id("waves"))).isEmpty();
        page.assertNoSeriousViolations("Beheer, a coordinator (no access)");
    }

    /** Signed out after each test, also after a failed one, so that the next signs in on Keycloak's page. */
    @AfterEach
    void signOut() {
        List<WebElement> signOut = browser.findElements(By.id("sign-out"));
        if (!signOut.isEmpty() && signOut.get(0).isDisplayed()) {
            browser.findElements(By.cssSelector("dialog[open] #confirm-cancel")).forEach(WebElement::click);
            signOut.get(0).click();
            page.visible(By.id("sign-in-start"));
        }
    }

    private static WebElement waveRow() {
        return browser.findElement(By.cssSelector("tr[data-wave='" + YEAR + "']"));
    }

    private static void awaitDialog() {
        page.wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
    }

    private static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long outboxRows(String eventId) throws SQLException {
        try (Connection db = PostgresServer.shared().connect(); PreparedStatement count = db.prepareStatement(
                "SELECT count(*) FROM notification.outbox_event WHERE event_id = ?")) {
            count.setString(1, eventId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static HttpResponse<String> put(String url, String token, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
