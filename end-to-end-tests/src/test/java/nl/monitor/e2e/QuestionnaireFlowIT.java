package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.client.reporting.api.MunicipalityScoresApi;
import nl.monitor.client.reporting.api.MunicipalityViewsApi;
import nl.monitor.client.reporting.model.MunicipalityScoreView;
import nl.monitor.testsupport.Axe;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The respondent's questionnaire against the four packaged services (survey, scoring, reporting, notification as
 * separate JVMs on one Kafka and one PostgreSQL), in Debian's headless Chromium: a person fills in all ten goals and
 * the extra questions with mouse and keyboard, the live score follows hand-worked values, the draft survives a reload,
 * "Indienen" makes version 1, and the official score the scoring-service computes and the reporting-service serves
 * equals the preview. Two peers of Groningen's size class (Almere, Leeuwarden) submitted first, so the "what if"
 * suggestions carry their counts from the reporting-service. The year 2079 is this test's own.
 */
class QuestionnaireFlowIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int YEAR = 2079;
    private static final String GRONINGEN = "GM0014";

    private static Platform platform;
    private static WebDriver browser;
    private static Path downloads;

    @BeforeAll
    static void startPlatformAndBrowser() throws Exception {
        platform = RunningPlatform.get();
        downloads = Files.createTempDirectory("questionnaire-downloads");
        browser = HeadlessChromium.start(1400, 1600, downloads);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A peer's assessment: goal 1 with a programme and a campaign (the two categories Groningen will leave empty). */
    private static void peerSubmits(String municipality) throws Exception {
        String body = """
                {"municipality": "%s", "year": %d, "questionnaireVersion": 1, "goals": [{"goal": 1,
                  "borging": {"inclusion": "INCLUDED", "laidDown": false},
                  "inhoud": {"deploysMeasures": true, "categories": [
                    {"category": "subsidy-conditions", "options": [{"option": "not-in-policy"}]},
                    {"category": "chain-cooperation", "options": [{"option": "not-in-policy"}]},
                    {"category": "programme-purchasing", "options": [{"option": "voorzorg"}]},
                    {"category": "own-action", "options": [{"option": "campaign"}]}]},
                  "bereik": {"insight": false}}]}""".formatted(municipality, YEAR);
        assertThat(Clients.submit(platform, TestTokens.respondent(municipality), body).getVersion()).isEqualTo(1);
    }

    private static void awaitReady() {
        WebDriverWait wait = new WebDriverWait(browser, DEADLINE);
        wait.until(ExpectedConditions.attributeToBe(By.id("step"), "data-state", "ready"));
        wait.until(ExpectedConditions.attributeToBe(By.id("live-score"), "data-state", "ready"));
    }

    private static WebElement find(String css) {
        return new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    /** A mouse click on an answer; waits for its live score. */
    private static void click(String css) {
        find(css).click();
        awaitReady();
    }

    /** The keyboard: the space bar on a radio button or checkbox; waits for its live score. */
    private static void press(String css) {
        find(css).sendKeys(Keys.SPACE);
        awaitReady();
    }

    private static String live(int goal, String column) {
        return browser.findElement(By.cssSelector("#live-score tr[data-goal='" + goal + "'] ." + column)).getText();
    }

    private static String liveTotal() {
        return browser.findElement(By.id("live-total")).getText();
    }

    private static void next(String step) {
        find("#next").sendKeys(Keys.ENTER);
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("step"), "data-step", step));
    }

    @Test
    void a_respondent_fills_in_saves_reloads_submits_and_gets_the_official_score_of_the_preview() throws Exception {
        // Three peers of size class 4: the respondent sees peers' measures from k = 3 municipalities on (suppression).
        peerSubmits("GM0034");
        peerSubmits("GM0080");
        peerSubmits("GM0193");
        String reporting = platform.url("reporting-service");
        MunicipalityViewsApi views = new MunicipalityViewsApi(Clients.reporting(platform, TestTokens.analyst()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Clients.tree(views.getPeerMeasures(GRONINGEN,
                String.valueOf(YEAR))).path("goals").path(0).path("peersAnswered").asInt() == 3);

        String respondent = TestTokens.respondent(GRONINGEN);
        browser.get(platform.url("survey-service") + "/vragenlijst/?gemeente=" + GRONINGEN + "&jaar=" + YEAR
                + "&rapportage=" + reporting + "#token=" + respondent + "&to=/doel/1");
        awaitReady();

        // Goal 1, the worked example of SPEC.md, answer by answer, each live score worked out by hand.
        click("#g1-inclusion-INCLUDED");
        assertThat(live(1, "borging")).isEqualTo("15");
        assertThat(liveTotal()).isEqualTo("15");
        press("#g1-laidDown-yes");
        press("#g1-doc-regional-vision");
        assertThat(live(1, "borging")).isEqualTo("25");
        click("#g1-deploys-yes");
        assertThat(live(1, "inhoud")).isEqualTo("5");
        click("#g1-cat-subsidy-conditions-attention-officer");
        assertThat(live(1, "inhoud")).isEqualTo("16,25");                       // 5 + 45 / 4
        press("#g1-cat-chain-cooperation-cooperation-agreements");
        assertThat(live(1, "inhoud")).isEqualTo("27,5");                        // 5 + 2 x 11.25
        // What if: the two empty categories each add 11.25, with the peers' counts from the reporting-service.
        WebElement suggestion = find("#suggestion-list li[data-option='programme-purchasing/voorzorg']");
        assertThat(suggestion.getText()).contains("+11,25 punten")
                .contains("3 van 3 gemeenten in grootteklasse 4 (100 %, " + YEAR + ")");
        click("#g1-cat-programme-purchasing-not-in-policy");
        press("#g1-cat-own-action-not-in-policy");
        assertThat(live(1, "inhoud")).isEqualTo("27,5");
        click("#g1-insight-yes");
        assertThat(live(1, "bereik")).isEqualTo("10");
        press("#g1-share-MORE_THAN_HALF");
        assertThat(live(1, "bereik")).isEqualTo("20");
        assertThat(live(1, "total")).isEqualTo("72,5");
        assertThat(liveTotal()).isEqualTo("72,5");
        assertThat(browser.findElement(By.cssSelector("#live-score .band")).getText()).isEqualTo("oranje");

        // Goals 2 to 10: not in policy but intended (5 each), no measures, no insight; keyboard and mouse mixed.
        for (int goal = 2; goal <= 10; goal++) {
            next("goal-" + goal);
            press("#g" + goal + "-inclusion-INTENDED");
            click("#g" + goal + "-deploys-no");
            press("#g" + goal + "-insight-no");
            assertThat(live(goal, "total")).isEqualTo("5");
        }
        assertThat(liveTotal()).isEqualTo("11,75");                              // (72.5 + 9 x 5) / 10
        assertThat(browser.findElement(By.id("progress-count")).getAttribute("data-complete")).isEqualTo("10");

        // The six extra questions.
        next("extra");
        press("#x-risk-group-figures-multi-problem-families");
        click("#x-target-group-policy-children-in-poverty");
        new Select(find("#x-grade-past")).selectByValue("5");
        awaitReady();
        new Select(find("#x-grade-current")).selectByValue("6");
        awaitReady();
        new Select(find("#x-grade-expected")).selectByValue("8");
        awaitReady();
        click("#x-cooperation-improved-somewhat");
        click("#x-youth-no");
        press("#x-regional-vision-yes");

        find("#save").click();
        new WebDriverWait(browser, DEADLINE).until(
                ExpectedConditions.attributeToBe(By.id("saved-state"), "data-version", "1"));

        // Reload: the draft comes back from the server.
        browser.navigate().refresh();
        awaitReady();
        assertThat(browser.findElement(By.id("x-regional-vision-yes")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("x-grade-current"))).getFirstSelectedOption().getText())
                .isEqualTo("6");
        assertThat(liveTotal()).isEqualTo("11,75");
        find("#steps a[href='#/doel/1']").click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("step"), "data-step", "goal-1"));
        assertThat(browser.findElement(By.id("g1-share-MORE_THAN_HALF")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("g1-cat-chain-cooperation-cooperation-agreements")).isSelected()).isTrue();

        // Indienen.
        find("#steps a[href='#/overzicht']").click();
        find("#submit").click();
        assertThat(new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("submitted-version"))).getText()).isEqualTo("Ingediend als versie 1.");
        WebElement official = new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("official-total")));
        assertThat(official.getText()).isEqualTo("11,75").isEqualTo(liveTotal());
        MunicipalityScoreView score = new MunicipalityScoresApi(Clients.reporting(platform, respondent))
                .getMunicipalityScore(GRONINGEN, YEAR);
        assertThat(score.getTotal()).isEqualTo(11.75);
        assertThat(score.getSubmissionVersion()).isEqualTo(1);
        assertThat(score.getGoals().get(0).getTotal()).isEqualTo(72.5);

        // The print view is this summary; axe finds nothing serious on it.
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Axe.source());
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        assertThat(Axe.serious(js.executeAsyncScript(Axe.RUN))).isEmpty();

        // "Factsheet (PDF)" downloads the card as the reporting-service's PDF, fetched with the respondent's token,
        // into the browser's download directory. (Reading the blob back in the page is refused: the questionnaire's
        // Content-Security-Policy has no blob: in connect-src, and it needs none to download.)
        find("#download-factsheet").click();
        Path factsheet = downloads.resolve("factsheet-" + GRONINGEN + "-" + YEAR + ".pdf");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(factsheet) && Files.size(factsheet) > 5);
        assertThat(new String(Files.readAllBytes(factsheet), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(browser.findElement(By.id("download-message")).getText()).isEmpty();

        // The card link opens the municipality card in the dashboard; it carries no token: the dashboard signs its
        // user in itself (here, in the test-key mode, with the pasted token), then shows the card asked for.
        String card = find("#card-link").getAttribute("href");
        assertThat(card).isEqualTo(reporting + "/dashboard/#/card/" + GRONINGEN + "/" + YEAR).doesNotContain("token");
        browser.get(card);
        find("#token-input").sendKeys(respondent);
        find("#token-save").click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
        assertThat(browser.findElement(By.id("view")).getText()).contains("Groningen");
    }
}
