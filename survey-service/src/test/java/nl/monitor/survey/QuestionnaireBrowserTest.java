package nl.monitor.survey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.testsupport.Axe;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire web app in a real headless Chromium (Debian's, installed by scripts/ensure-chromium.sh as the
 * build runs) against this service on the real database and broker: a field error shown at its question, the
 * concurrent-edit message, read-only for coordinators, and axe-core on every page of the questionnaire. The whole
 * flow with the live score and the official score runs against the packaged platform in end-to-end-tests
 * ({@code QuestionnaireFlowIT}).
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class QuestionnaireBrowserTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** No reporting-service in this test: a closed port, so the peers' counts are "niet beschikbaar" at once. */
    private static final String NO_REPORTING = "http://127.0.0.1:9";
    private static WebDriver browser;

    @TestHTTPResource("/vragenlijst/")
    URL page;

    @BeforeAll
    static void startTheBrowser() throws Exception {
        browser = HeadlessChromium.start(1400, 1600);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String token, String municipality, int year, String step) {
        browser.get("about:blank");
        browser.get(page + "?gemeente=" + municipality + "&jaar=" + year + "&rapportage=" + NO_REPORTING
                + "#token=" + token + "&to=" + step);
        awaitReady();
    }

    private void awaitReady() {
        WebDriverWait wait = new WebDriverWait(browser, DEADLINE);
        wait.until(ExpectedConditions.attributeToBe(By.id("step"), "data-state", "ready"));
        wait.until(ExpectedConditions.attributeToBe(By.id("live-score"), "data-state", "ready"));
    }

    private WebElement find(String css) {
        return new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    /** Clicks, then waits until the preview of that answer is back. */
    private void answer(String css) {
        find(css).click();
        awaitReady();
    }

    private void go(String step) {
        find("#steps a[href='#" + step + "']").click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("step"), "data-step",
                step.startsWith("/doel/") ? "goal-" + step.substring(6) : step.equals("/extra") ? "extra" : "summary"));
    }

    private List<String> axe() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Axe.source());
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        return Axe.serious(js.executeAsyncScript(Axe.RUN));
    }

    @Test
    void a_field_error_of_indienen_is_shown_at_its_question() {
        open(TestTokens.respondent("GM0014"), "GM0014", 2095, "/doel/1");
        answer("#g1-inclusion-INCLUDED");
        // Keyboard: the laid-down question appeared; answer it with the space bar.
        find("#g1-laidDown-yes").sendKeys(Keys.SPACE);
        awaitReady();
        answer("#g1-deploys-no");
        answer("#g1-insight-no");
        go("/overzicht");
        find("#submit").click();

        WebElement summary = new WebDriverWait(browser, DEADLINE).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#errors a[data-target='q-g1-documents']")));
        assertThat(summary.getText()).startsWith("Doelstelling 1: Dit antwoord ontbreekt.");
        assertThat(axe()).as("axe on the error summary").isEmpty();
        summary.click();

        WebElement question = new WebDriverWait(browser, DEADLINE).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-g1-documents.has-error")));
        assertThat(question.findElement(By.cssSelector(".field-error")).getText())
                .contains("Dit antwoord ontbreekt.").doesNotContain("name the document(s)"); // Dutch, by its code
        assertThat(browser.findElement(By.id("g1-doc-regional-vision")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("g1-doc-regional-vision");
        // Only the documents question is wrong.
        assertThat(browser.findElements(By.cssSelector(".has-error"))).hasSize(1);
        assertThat(axe()).as("axe on a question with its error").isEmpty();
        given().auth().oauth2(TestTokens.respondent("GM0014"))
                .get("/api/municipalities/GM0014/years/2095/submission").then().statusCode(404);
    }

    @Test
    void a_colleague_saving_in_between_gets_the_concurrent_edit_message_not_an_overwrite() {
        open(TestTokens.respondent("GM0034"), "GM0034", 2096, "/doel/1");
        answer("#g1-inclusion-INTENDED");
        find("#save").click();
        new WebDriverWait(browser, DEADLINE).until(
                ExpectedConditions.attributeToBe(By.id("saved-state"), "data-version", "1"));

        // A colleague, on another device, saves version 2 from the same version 1.
        String colleague = TestTokens.sign(TestTokens.builder("j.jansen@almere", "respondent")
                .claim("municipality", "GM0034"));
        given().auth().oauth2(colleague).contentType(ContentType.JSON)
                .body("{\"version\": 1, \"goals\": [{\"goal\": 1, \"borging\": {\"inclusion\": \"NOT_INCLUDED\"}}]}")
                .put("/api/municipalities/GM0034/years/2096/draft").then().statusCode(200);

        answer("#g1-inclusion-INCLUDED");
        find("#save").click();
        WebElement conflict = new WebDriverWait(browser, DEADLINE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(conflict.getText()).contains("Niet opgeslagen: j.jansen@almere heeft dit concept intussen "
                + "opgeslagen (versie 2").contains("terwijl uw scherm versie 1 toont");
        assertThat(axe()).as("axe with the conflict message").isEmpty();

        find("#reload-draft").click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.elementSelectionStateToBe(
                By.id("g1-inclusion-NOT_INCLUDED"), true));
        assertThat(browser.findElement(By.id("saved-state")).getAttribute("data-version")).isEqualTo("2");
        assertThat(given().auth().oauth2(colleague).get("/api/municipalities/GM0034/years/2096/draft").then()
                .statusCode(200).extract().jsonPath().getString("goals[0].borging.inclusion")).isEqualTo("NOT_INCLUDED");
    }

    @Test
    void a_coordinator_of_the_region_sees_the_draft_read_only() {
        given().auth().oauth2(TestTokens.respondent("GM0014")).contentType(ContentType.JSON)
                .body("{\"version\": 0, \"goals\": [{\"goal\": 1, \"borging\": {\"inclusion\": \"INTENDED\"}}]}")
                .put("/api/municipalities/GM0014/years/2097/draft").then().statusCode(200);
        open(TestTokens.coordinator("Groningen"), "GM0014", 2097, "/doel/1");
        assertThat(browser.findElement(By.id("g1-inclusion-INTENDED")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("g1-inclusion-INCLUDED")).isEnabled()).isFalse();
        assertThat(browser.findElements(By.id("save"))).isEmpty();
        assertThat(browser.findElement(By.id("saved-state")).getText()).isEqualTo("Alleen lezen");
        assertThat(browser.findElement(By.id("live-total")).getText()).isEqualTo("5");
    }

    @Test
    void axe_core_finds_no_serious_or_critical_violation_on_any_page_of_the_questionnaire() {
        List<String> found = new ArrayList<>();
        browser.get(page.toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        axe().forEach(v -> found.add("sign-in: " + v));

        open(TestTokens.respondent("GM0014"), "GM0014", 2098, "/doel/1");
        // Every conditional question of goal 1 on screen: laid down in "Anders", measures with "Anders", a share.
        answer("#g1-inclusion-INCLUDED");
        answer("#g1-laidDown-yes");
        answer("#g1-doc-other");
        answer("#g1-deploys-yes");
        answer("#g1-cat-subsidy-conditions-other");
        answer("#g1-insight-yes");
        answer("#g1-share-EVERYONE");
        axe().forEach(v -> found.add("goal 1: " + v));
        for (int goal = 2; goal <= 10; goal++) {
            String step = "/doel/" + goal;
            go(step);
            axe().forEach(v -> found.add(step + ": " + v));
        }
        go("/extra");
        answer("#x-youth-yes");
        axe().forEach(v -> found.add("extra: " + v));
        go("/overzicht");
        axe().forEach(v -> found.add("summary: " + v));
        assertThat(found).isEmpty();
    }
}
