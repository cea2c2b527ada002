package nl.monitor.survey.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.testsupport.Axe;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan page (/vragenlijst/plan.html) in a real headless Chromium: the respondent adds a goal target and an action,
 * a score above 100 is placed at its field in Dutch (by the problem's field and code) and nothing is stored, the
 * corrected plan is saved as the next version; a coordinator of the region reads it without editing; axe-core finds
 * no serious or critical violation in each state. Borger-Odoorn (GM1681) and the year 2062 are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class PlanBrowserTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String BORGER_ODOORN = "GM1681";
    private static WebDriver browser;

    @TestHTTPResource("/vragenlijst/plan.html")
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

    private void open(String token) {
        browser.get("about:blank");
        browser.get(page + "?gemeente=" + BORGER_ODOORN + "#token=" + token + "&to=/");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("content"), "data-state",
                "ready"));
    }

    private WebElement find(String css) {
        return new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    private List<String> axe() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Axe.source());
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        return Axe.serious(js.executeAsyncScript(Axe.RUN));
    }

    private static int version() {
        return given().auth().oauth2(TestTokens.admin()).get("/api/municipalities/" + BORGER_ODOORN + "/plan").then()
                .statusCode(200).extract().path("version");
    }

    @Test
    void the_respondent_sets_a_target_sees_a_bad_score_at_its_field_and_saves_the_plan() {
        // an empty plan to start from, also when an earlier run on this database left one
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(java.util.Map.of("version", version(), "goalTargets", List.of(), "indicatorTargets", List.of(),
                        "actions", List.of()))
                .put("/api/municipalities/" + BORGER_ODOORN + "/plan").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        int before = version();
        open(TestTokens.respondent(BORGER_ODOORN));
        assertThat(axe()).as("axe on the plan page").isEmpty();

        find("#add-goal").click();
        new Select(find("#f-goalTargets-0--goal")).selectByValue("3");
        find("#f-goalTargets-0--year").sendKeys("2062");
        find("#f-goalTargets-0--score").sendKeys("120");
        find("#add-action").click();
        find("#f-actions-0--text").sendKeys("Meldcode als voorwaarde in elke subsidie");
        find("#f-actions-0--dueYear").sendKeys("2062");
        find("#save").click();

        WebElement error = new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("f-goalTargets-0--score-error")));
        assertThat(error.getText()).isEqualTo("Deze waarde valt buiten het toegestane bereik.");
        assertThat(browser.findElement(By.id("f-goalTargets-0--score")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#errors h2")).getText()).isEqualTo("Niet opgeslagen: 1 fout");
        assertThat(browser.findElements(By.cssSelector("[aria-invalid=true]"))).hasSize(1);
        // what was typed stays on screen
        assertThat(browser.findElement(By.id("f-actions-0--text")).getAttribute("value"))
                .isEqualTo("Meldcode als voorwaarde in elke subsidie");
        assertThat(axe()).as("axe on the error state").isEmpty();
        assertThat(version()).isEqualTo(before);

        WebElement score = find("#f-goalTargets-0--score");
        score.clear();
        score.sendKeys("72,5");
        find("#save").click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.textToBe(By.id("message"),
                "Plan opgeslagen (versie " + (before + 1) + ")."));
        assertThat(browser.findElements(By.cssSelector("[aria-invalid=true]"))).isEmpty();
        assertThat(axe()).as("axe after saving").isEmpty();
        assertThat(given().auth().oauth2(TestTokens.admin()).get("/api/municipalities/" + BORGER_ODOORN + "/plan")
                .then().extract().jsonPath().getFloat("goalTargets[0].score")).isEqualTo(72.5f);

        // the region's coordinator reads it, without anything to edit
        open(TestTokens.coordinator("Drenthe"));
        assertThat(browser.findElement(By.id("f-goalTargets-0--score")).getAttribute("value")).isEqualTo("72.5");
        assertThat(browser.findElement(By.id("f-goalTargets-0--score")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("save")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("who")).getText()).endsWith("alleen lezen");
        assertThat(axe()).as("axe on the read-only plan").isEmpty();
    }
}
