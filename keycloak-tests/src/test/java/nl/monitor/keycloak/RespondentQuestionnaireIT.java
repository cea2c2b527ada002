package nl.monitor.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A respondent in a real headless Chromium behind Keycloak's login page: opens the questionnaire without any address
 * parameters, signs in (Authorization Code + PKCE), lands on their own municipality's open wave — one on the second
 * questionnaire version (the eleven BMC 2015 points, rules version 2; a version by data alone) — sees its eleven
 * points, no extra questions and the scale of its rules, gets a missing measure category placed at that category (by
 * the problem's category, not its message), fills it in, submits, sees the confirmation and signs out. Every address
 * the browser asked for or showed, redirects included, is recorded: none holds a token. axe-core: nothing serious or
 * critical on the sign-in page, the empty form, the error, the filled form and the confirmation.
 */
class RespondentQuestionnaireIT {

    private static final Duration DEADLINE = DashboardBrowser.DEADLINE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** This test's own year (the other tests of the suite use years without a wave or other years). */
    private static final int YEAR = 2029;
    /** Three base64url parts separated by dots, the first a JSON header: a JWT. */
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    private static Platform platform;
    private static KeycloakServer keycloak;
    private static ChromeDriver browser;
    private static DashboardBrowser page;
    private static String survey;
    private static String questionnaire;
    /** Every address the browser asked for (documents, redirects) or showed (in-page changes), in order. */
    private static final Set<String> addresses = new LinkedHashSet<>();

    @BeforeAll
    static void start() throws Exception {
        platform = KeycloakPlatform.platform();
        keycloak = KeycloakPlatform.keycloak();
        survey = platform.url("survey-service");
        // This test's questionnaire runs on a free port: register its origin, as an operator registers a deployment's.
        keycloak.allowBrowserApp("monitor-dashboard", survey, "/vragenlijst/");
        questionnaire = survey + "/vragenlijst/";

        // The wave of YEAR on questionnaire version 2 with its rules, open now (the admin's API, a Keycloak token).
        String admin = keycloak.passwordGrant("monitor-cli", "monitor-admin", "admin-demo");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(survey + "/api/admin/waves"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"year": %d, "questionnaireVersion": 2, "rulesVersion": 2, "openFrom": "%s", "openUntil": "%s"}
                        """.formatted(YEAR, now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);

        browser = HeadlessChromium.startRecording(1280, 1400);

        page = new DashboardBrowser(browser, keycloak.issuer());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_respondent_signs_in_fills_in_the_second_questionnaire_of_the_open_wave_submits_and_signs_out()
            throws Exception {
        List<String> violations = new ArrayList<>();
        browser.get(questionnaire);
        page.visible(By.id("sign-in-start"));
        assertThat(browser.findElement(By.id("sign-in-token")).isDisplayed()).isFalse();
        axe("sign-in", violations);
        page.click("sign-in-start");
        page.signInAtKeycloak("respondent-gm0014", "respondent-demo");

        // Back from Keycloak on the respondent's own municipality and the open wave, on questionnaire version 2.
        awaitReady();
        assertThat(browser.getCurrentUrl()).startsWith(questionnaire + "?gemeente=GM0014&jaar=" + YEAR)
                .doesNotContain("code=").doesNotContain("state=");
        assertThat(text("who")).contains("GM0014 · " + YEAR + " · meting " + YEAR + " open tot");
        assertThat(browser.findElements(By.cssSelector("#steps a[data-goal]"))).hasSize(11);
        assertThat(browser.findElements(By.cssSelector("#steps a[href='#/extra']"))).isEmpty();
        assertThat(text("step")).contains("Afspraken rond informatie-uitwisseling");
        assertThat(browser.findElement(By.cssSelector("#live-score caption, #live caption")).getText())
                .contains("max. 25 + 50 + 25 = 100");
        axe("empty form", violations);

        // Measures deployed but no category answered: each missing category is placed at that category.
        answer("g1-inclusion-INCLUDED");
        answer("g1-laidDown-yes");
        answer("g1-doc-cooperation-agreement");
        answer("g1-deploys-yes");
        answer("g1-insight-yes");
        answer("g1-share-MORE_THAN_HALF");
        go("/overzicht", "summary");
        page.click("submit");
        WebElement first = page.wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#errors a[data-target='q-g1-cat-agreements']")));
        assertThat(browser.findElements(By.cssSelector("#errors a[data-target='q-g1-cat-communication']"))).hasSize(1);
        assertThat(first.getText()).isEqualTo("Doelstelling 1: Kies bij deze categorie een maatregel of "
                + "\"(geen onderdeel van beleid)\".");
        assertThat(text("errors")).doesNotContain("is not answered");
        axe("error summary", violations);
        first.click();
        WebElement question = page.wait(DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#q-g1-cat-agreements.has-error")));
        assertThat(question.findElement(By.cssSelector(".field-error")).getText())
                .isEqualTo("Kies bij deze categorie een maatregel of \"(geen onderdeel van beleid)\".");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).startsWith("g1-cat-agreements-");
        axe("error at the question", violations);

        // Filled in: both categories answered; the live score is the rules version 2 score of the answers.
        answer("g1-cat-agreements-privacy-agreements");
        answer("g1-cat-communication-best-practices");
        assertThat(text("live-total")).isEqualTo("95");
        axe("filled form", violations);

        go("/overzicht", "summary");
        page.click("submit");
        WebElement submitted = page.wait(DEADLINE).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("submitted-version")));
        assertThat(submitted.getText()).isEqualTo("Ingediend als versie 1.");
        assertThat(browser.findElements(By.cssSelector("#errors li"))).isEmpty();
        axe("confirmation", violations);

        // The submission is stored on questionnaire version 2, as the respondent's own (by the API, another token).
        String respondent = keycloak.passwordGrant("monitor-cli", "respondent-gm0014", "respondent-demo");
        HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(URI.create(survey
                + "/api/municipalities/GM0014/years/" + YEAR + "/submission")).header("Authorization", "Bearer "
                + respondent).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonNode submission = JSON.readTree(stored.body());
        assertThat(submission.path("questionnaireVersion").asInt()).isEqualTo(2);
        assertThat(submission.path("version").asInt()).isEqualTo(1);

        // The tokens this tab held, to look for in every address.
        List<String> tokens = storedTokens();
        assertThat(tokens).isNotEmpty();

        page.click("sign-out");
        page.visible(By.id("sign-in-start"));
        assertThat(browser.getCurrentUrl()).startsWith(questionnaire);
        assertThat(page.script("return Object.keys(sessionStorage).filter(k => k.startsWith('oidc.user:')).length"))
                .isEqualTo(0L);
        assertThat(browser.findElement(By.id("layout")).isDisplayed()).isFalse();

        recordAddresses();
        // The recording holds the whole round trip (so the check below has something to check) ...
        assertThat(addresses).anyMatch(a -> a.startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"));
        assertThat(addresses).anyMatch(a -> a.startsWith(questionnaire + "?") && a.contains("code="));
        assertThat(addresses).anyMatch(a -> a.startsWith(keycloak.issuer() + "/protocol/openid-connect/logout"));
        assertThat(addresses).anyMatch(a -> a.startsWith(questionnaire + "?gemeente=GM0014&jaar=" + YEAR + "#/overzicht"));
        // ... and no address the browser visited or showed held a token.
        for (String address : addresses) {
            assertThat(address).as("an address the browser visited").doesNotContainIgnoringCase("access_token")
                    .doesNotContainIgnoringCase("id_token=").doesNotContainIgnoringCase("refresh_token")
                    .doesNotContain("#token=").doesNotContainPattern(JWT);
            for (String token : tokens) {
                assertThat(address).doesNotContain(token);
            }
        }
        assertThat(violations).as("axe-core: serious or critical violations").isEmpty();
    }

    /** The access, refresh and id tokens the sign-in keeps in sessionStorage. */
    private static List<String> storedTokens() throws IOException {
        Object stored = page.script("return sessionStorage.getItem(arguments[0])",
                "oidc.user:" + keycloak.issuer() + ":monitor-dashboard");
        assertThat(stored).as("the signed-in user in sessionStorage").isNotNull();
        JsonNode user = JSON.readTree(stored.toString());
        List<String> tokens = new ArrayList<>();
        for (String name : List.of("access_token", "refresh_token", "id_token")) {
            if (!user.path(name).asText().isBlank()) {
                tokens.add(user.path(name).asText());
            }
        }
        return tokens;
    }

    /**
     * Reads Chromium's performance log since the last call: every document request (redirect hops included), every
     * navigation and every in-page address change (history API, fragment).
     */
    private static void recordAddresses() throws IOException {
        for (LogEntry entry : browser.manage().logs().get("performance")) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> {
                    if ("Document".equals(params.path("type").asText())) {
                        addresses.add(params.path("request").path("url").asText()
                                + params.path("request").path("urlFragment").asText());
                    }
                }
                case "Page.frameNavigated" -> addresses.add(params.path("frame").path("url").asText()
                        + params.path("frame").path("urlFragment").asText());
                case "Page.navigatedWithinDocument" -> addresses.add(params.path("url").asText());
                default -> { }
            }
        }
        addresses.add(browser.getCurrentUrl());
    }

    private static void awaitReady() {
        page.awaitState("step", "ready");
        page.awaitState("live-score", "ready");
    }

    /** Chooses an answer (keyboard: the space bar on the focused input), then waits for its preview. */
    private static void answer(String id) {
        WebElement input = page.wait(DEADLINE).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.sendKeys(" ");
        page.wait(DEADLINE).until(ExpectedConditions.elementSelectionStateToBe(By.id(id), true));
        awaitReady();
    }

    private static void go(String step, String dataStep) {
        page.click(By.cssSelector("#steps a[href='#" + step + "']"));
        page.wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id("step"), "data-step", dataStep));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void axe(String state, List<String> violations) {
        page.seriousViolations().forEach(v -> violations.add(state + ": " + v));
    }
}
