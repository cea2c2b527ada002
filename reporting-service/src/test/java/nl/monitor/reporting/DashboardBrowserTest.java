package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.domain.questionnaire.Inclusion.INCLUDED;
import static nl.monitor.domain.questionnaire.Inclusion.INTENDED;
import static nl.monitor.domain.questionnaire.Inclusion.NOT_INCLUDED;
import static nl.monitor.domain.questionnaire.ReachShare.EVERYONE;
import static nl.monitor.domain.questionnaire.ReachShare.MORE_THAN_HALF;
import static nl.monitor.reporting.Cohort.category;
import static nl.monitor.reporting.Cohort.extras;
import static nl.monitor.reporting.Cohort.goal;
import static nl.monitor.reporting.Cohort.publish;
import static nl.monitor.reporting.Cohort.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real headless Chromium (Debian's, installed by scripts/ensure-chromium.sh as the build runs),
 * over the reporting-service with a small cohort of its own years (2060 and 2061) on the real broker and database.
 * What the page shows is checked against what the JSON API answers.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class DashboardBrowserTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String GRONINGEN = "GM0014";
    private static final String ALMERE = "GM0034";
    private static final String AMSTERDAM = "GM0363";
    private static final String NUTH = "GM0951";
    private static final String SCHINNEN = "GM0962";
    private static final String BEEKDAELEN = "GM1954";
    private static WebDriver browser;
    private static Path downloads;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @BeforeAll
    static void startTheBrowserAndPublishTheCohort() throws Exception {
        publish(submission(GRONINGEN, 2060, 1, extras(List.of(), List.of(), 5, 5, 6, "no", false, "not-yet"),
                goal(1, INTENDED, false, false, null)));
        publish(submission(GRONINGEN, 2061, 1, extras(List.of(), List.of(), 5, 7, 8, "somewhat", true, "yes"),
                goal(1, INCLUDED, true, true, MORE_THAN_HALF, category("subsidy-conditions", "attention-officer"),
                        category("chain-cooperation", "cooperation-agreements")),
                goal(2, NOT_INCLUDED, false, false, null)));
        publish(submission(ALMERE, 2061, 1, extras(List.of("family-crises", "multi-problem-families"),
                        List.of("children-in-poverty"), 6, 8, 8, "strongly", true, "yes"),
                goal(1, INCLUDED, List.of("regional-vision", "implementation-plan"), true, EVERYONE, category("subsidy-conditions", "attention-officer"),
                        category("chain-cooperation", "cooperation-agreements"), category("own-action", "campaign"),
                        category("programme-purchasing", "voorzorg"))));
        // Figuur 4.12 over three municipalities of 2062: grade against total.
        publish(submission(GRONINGEN, 2062, 1, extras(List.of(), List.of(), 4, 5, 6, "no", false, "not-yet"),
                goal(1, INTENDED, false, false, null)));
        publish(submission(ALMERE, 2062, 1, extras(List.of(), List.of(), 5, 7, 8, "somewhat", true, "yes"),
                goal(1, INCLUDED, true, true, MORE_THAN_HALF, category("subsidy-conditions", "attention-officer"),
                        category("chain-cooperation", "cooperation-agreements"))));
        publish(submission(AMSTERDAM, 2062, 1, extras(List.of(), List.of(), 6, 9, 9, "strongly", true, "yes"),
                goal(1, INCLUDED, true, true, EVERYONE, category("subsidy-conditions", "attention-officer"),
                        category("chain-cooperation", "cooperation-agreements"), category("own-action", "campaign"),
                        category("programme-purchasing", "voorzorg")),
                goal(2, NOT_INCLUDED, false, false, null)));
        // A merger: Nuth and Schinnen (Onderbanken did not take part) in 2017, Beekdaelen, which they became, in 2021.
        publish(submission(NUTH, 2017, 1, extras(List.of(), List.of(), 5, 6, 7, "no", false, "not-yet"),
                goal(1, INCLUDED, true, true, MORE_THAN_HALF, category("subsidy-conditions", "attention-officer"),
                        category("chain-cooperation", "cooperation-agreements"))));
        publish(submission(SCHINNEN, 2017, 1, extras(List.of(), List.of(), 5, 6, 7, "no", false, "not-yet"),
                goal(1, INTENDED, false, false, null)));
        publish(submission(BEEKDAELEN, 2021, 1, extras(List.of(), List.of(), 6, 7, 8, "somewhat", true, "yes"),
                goal(1, INCLUDED, true, true, EVERYONE, category("subsidy-conditions", "attention-officer"),
                        category("chain-cooperation", "cooperation-agreements"), category("own-action", "campaign"),
                        category("programme-purchasing", "voorzorg"))));
        // Groningen's own plan: goal 1 at 90 by 2061, where it scores 72.5 (issue 28: a missed target)
        PlanTargetsTest.plan(GRONINGEN, 1, List.of(new nl.monitor.domain.plan.MunicipalPlan.GoalTarget(1, 2061,
                new java.math.BigDecimal("90"))), List.of(), List.of(new nl.monitor.domain.plan.MunicipalPlan.Action(
                "Aandachtsfunctionaris in elke subsidievoorwaarde", 2061)));
        await().atMost(DEADLINE).until(() -> ScoreEvents.rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE year IN (2060, 2061, 2062)").size() == 6 && ScoreEvents.rows("SELECT 1 FROM "
                + "reporting.municipality_submission WHERE year = 2062").size() == 3 && ScoreEvents.rows("SELECT 1 FROM "
                + "reporting.municipality_score WHERE municipality IN ('GM0951', 'GM0962', 'GM1954')").size() == 3);

        downloads = Files.createTempDirectory("chromium-downloads");
        browser = HeadlessChromium.start(1280, 1600, downloads);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static JsonPath api(String path) {
        return given().auth().oauth2(TestTokens.analyst()).get(path).then().statusCode(200).extract().jsonPath();
    }

    /** As the page writes a score: one decimal (half up, as the reports round), Dutch decimal comma. */
    private static String shown(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-NL"));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** Loads the page afresh with the token and the route, as the local run's link does. */
    private void load(String token, String route) {
        browser.get("about:blank");
        browser.get(dashboard + "#token=" + token + "&to=" + URLEncoder.encode(route, StandardCharsets.UTF_8));
    }

    private void open(String route) {
        load(TestTokens.analyst(), route);
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
    }

    private String cell(String selector) {
        return browser.findElement(By.cssSelector(selector)).getText().trim();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_national_view_loads_with_the_data_of_the_api_and_draws_its_charts() throws Exception {
        open("/national?year=2061&compare=2060");

        JsonPath report = api("/api/reports/goal-scores?year=2061&compareWith=2060");
        // Goal 1 in 2061: Groningen 72.5 and Almere 100 -> 86.25 -> 86.3, green; 2060: Groningen 5.
        double goal1 = report.getDouble("goals[0].years[1].meanTotal");
        assertThat(cell("#goal-table tr[data-goal='1'] .total")).isEqualTo(shown(goal1)).isEqualTo("86,3");
        assertThat(cell("#goal-table tr[data-goal='1'] .band")).isEqualTo("groen");
        assertThat(cell("#goal-table tr[data-goal='1'] .compare"))
                .isEqualTo(shown(report.getDouble("goals[0].years[0].meanTotal")));
        assertThat(cell("#goal-table tr[data-goal='2'] .band")).isEqualTo("rood");
        assertThat(browser.findElements(By.cssSelector("#goal-table tbody tr"))).hasSize(10);
        assertThat(browser.findElements(By.cssSelector("#size-table tbody tr"))).hasSize(6);

        // Chart.js drew both figures: bars coloured by band, the comparison year as a second dataset of dots.
        JavascriptExecutor script = (JavascriptExecutor) browser;
        Object bars = script.executeScript(
                "const c = Chart.getChart('goal-chart'); return [c.data.datasets.length, c.data.datasets[0].data[0],"
                        + " c.data.datasets[0].backgroundColor[0], c.data.datasets[1].data[0]];");
        assertThat((List<Object>) bars).containsExactly(2L, goal1, "#1e7040", 5L);
        assertThat(script.executeScript("return Chart.getChart('size-chart').data.datasets.length")).isEqualTo(2L);

        // The table's CSV button downloads the same report as CSV, fetched with the caller's token.
        browser.findElement(By.id("download-goal-scores")).click();
        Path csv = downloads.resolve("doelen-2061.csv");
        await().atMost(DEADLINE).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        String expected = given().auth().oauth2(TestTokens.analyst())
                .get("/api/reports/goal-scores?year=2061&compareWith=2060&format=csv").then().statusCode(200)
                .extract().asString();
        assertThat(Files.readString(csv)).isEqualTo(expected)
                .startsWith("goal,title,year,n,mean_total,mean_borging,mean_inhoud,mean_bereik");

        // The yearly report's buttons download the PDF and the workbook.
        browser.findElement(By.id("download-yearly-pdf")).click();
        Path pdf = downloads.resolve("jaarrapport-2061.pdf");
        await().atMost(DEADLINE).until(() -> Files.exists(pdf) && Files.size(pdf) > 5);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        browser.findElement(By.id("download-yearly-xlsx")).click();
        Path xlsx = downloads.resolve("jaarrapport-2061.xlsx");
        await().atMost(DEADLINE).until(() -> Files.exists(xlsx) && Files.size(xlsx) > 4);
        assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void the_region_view_lists_every_municipality_of_the_region_with_the_apis_totals() {
        open("/region/Groningen?year=2061");
        JsonPath region = api("/api/regions/Groningen/municipalities?year=2061");
        String total = "municipalities.find { it.municipality == '" + GRONINGEN + "' }.total";
        assertThat(browser.findElements(By.cssSelector("#region-table tbody tr"))).hasSize(10);
        assertThat(cell("#region-table tr[data-municipality='" + GRONINGEN + "'] td.num"))
                .isEqualTo(shown(region.getDouble(total))).isEqualTo("36,3");
        assertThat(cell("#region-table tr[data-municipality='" + GRONINGEN + "'] .band")).isEqualTo("oranje");
        assertThat(browser.findElements(By.cssSelector("#region option"))).hasSize(26);
    }

    @Test
    void a_missed_target_of_the_municipalitys_own_plan_shows_on_its_card_and_in_its_region_view() {
        await().atMost(DEADLINE).until(() -> "MISSED".equals(api("/api/municipalities/" + GRONINGEN
                + "/card?year=2061").getString("plan.status")));
        open("/region/Groningen?year=2061");
        assertThat(cell("#region-table tr[data-municipality='" + GRONINGEN + "'] .target-status"))
                .isEqualTo("niet gehaald");
        assertThat(cell("#region-table tr[data-municipality='GM0037'] .target-status")).as("Stadskanaal: no plan")
                .isEqualTo("geen doel");
        open("/card/" + GRONINGEN + "/2061");
        assertThat(cell("#plan h2")).isEqualTo("Eigen doelen: niet gehaald in 2061");
        assertThat(cell("#plan-table tr[data-target='1'] .target-status")).isEqualTo("niet gehaald");
        assertThat(cell("#plan-table tr[data-target='1'] td:nth-child(4)")).isEqualTo("72,5");
        assertThat(cell("#plan-actions li")).startsWith("Aandachtsfunctionaris in elke subsidievoorwaarde");
        assertThat(browser.findElement(By.id("plan-edit")).getAttribute("href"))
                .endsWith("/vragenlijst/plan.html?gemeente=" + GRONINGEN);
    }

    @Test
    void a_component_switch_on_the_card_changes_the_numbers_to_those_of_that_subset() throws Exception {
        open("/card/" + GRONINGEN + "/2061");
        JsonPath all = api("/api/municipalities/" + GRONINGEN + "/card?year=2061");
        assertThat(cell("#card-table tr[data-goal='1'] .points")).isEqualTo(shown(all.getDouble("goals[0].points")))
                .isEqualTo("72,5");
        assertThat(cell("#card-table tr[data-goal='1'] .percent")).isEqualTo("73 %");
        assertThat(cell("#card-total .points")).isEqualTo("36,3");

        browser.findElement(By.cssSelector("#switches input[data-component='bereik']")).click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.textToBe(
                By.cssSelector("#card-table tr[data-goal='1'] .percent"), "70 %"));
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));

        // Borging and inhoud only (maximum 75): goal 1 25 + 27.5 = 52.5 = 70 %, as the API answers for that subset.
        JsonPath subset = api("/api/municipalities/" + GRONINGEN + "/card?year=2061&components=borging,inhoud");
        assertThat(cell("#card-table tr[data-goal='1'] .points")).isEqualTo(shown(subset.getDouble("goals[0].points")))
                .isEqualTo("52,5");
        assertThat(cell("#card-total .percent")).isEqualTo(subset.getInt("total.percent") + " %");
        assertThat(browser.getCurrentUrl()).endsWith("components=borging,inhoud");
        assertThat(browser.findElement(By.cssSelector("#switches input[data-component='bereik']")).isSelected())
                .isFalse();

        Path screenshot = Path.of("target", "dashboard-card.png");
        Files.write(screenshot, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_mean_over_fewer_than_three_municipalities_is_shown_to_a_respondent_as_withheld() {
        String respondent = TestTokens.respondent(GRONINGEN);
        JsonPath card = given().auth().oauth2(respondent).get("/api/municipalities/" + GRONINGEN + "/card?year=2061")
                .then().statusCode(200).extract().jsonPath();
        assertThat(card.getBoolean("goals[0].regionMeanSuppressed")).as("Groningen is alone in its region in 2061")
                .isTrue();
        load(respondent, "/card/" + GRONINGEN + "/2061");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
        assertThat(cell("#card-table tr[data-goal='1'] .region-mean")).isEqualTo("–");
        assertThat(browser.findElement(By.cssSelector("#card-table tr[data-goal='1'] .region-mean .suppressed"))
                .getAttribute("title")).contains("Afgeschermd");

        open("/card/" + GRONINGEN + "/2061");   // an analyst sees the figure
        assertThat(cell("#card-table tr[data-goal='1'] .region-mean")).isEqualTo(shown(
                api("/api/municipalities/" + GRONINGEN + "/card?year=2061").getDouble("goals[0].regionMean")));
    }

    @Test
    void without_a_valid_token_the_page_asks_to_sign_in_and_shows_why() {
        load(TestTokens.wronglySigned(), "/national?year=2061");
        WebElement message = new WebDriverWait(browser, DEADLINE).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(message.getText()).contains("niet (meer) geldig");
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();

        // A respondent reading another municipality's card is told it has no access.
        load(TestTokens.respondent(ALMERE), "/card/" + GRONINGEN + "/2061");
        assertThat(new WebDriverWait(browser, DEADLINE).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("message"))).getText()).startsWith("Geen toegang");
    }

    @Test
    void in_the_test_key_mode_a_pasted_token_signs_in_and_signing_out_forgets_it() {
        load(TestTokens.wronglySigned(), "/region/Groningen?year=2061");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        // Without an identity provider the services say so (GET /sign-in): the token box, no provider button.
        assertThat(browser.findElement(By.id("sign-in-oidc")).isDisplayed()).isFalse();
        browser.findElement(By.id("token-input")).sendKeys(TestTokens.coordinator("Groningen"));
        browser.findElement(By.id("token-save")).click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
        assertThat(cell("#who")).isEqualTo("coordinator · Groningen");

        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('monitor.token')"))
                .isNull();
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isFalse();
    }

    @Test
    void a_merged_municipalitys_card_and_region_row_show_its_predecessors_weighted_earlier_score() {
        open("/card/" + BEEKDAELEN + "/2021");
        JsonPath card = api("/api/municipalities/" + BEEKDAELEN + "/card?year=2021");
        // 2017: (15,425 x 72.5 + 12,960 x 5) / 28,385 = 41.68 (Onderbanken, 7,869, did not take part).
        assertThat(card.getDouble("history[0].points")).isEqualTo(41.68);
        assertThat(cell("#trend-table tr[data-year='2017'] .points")).isEqualTo(shown(41.68)).isEqualTo("41,7");
        assertThat(cell("#trend-table tr[data-year='2017'] .predecessors")).contains("Nuth (15.425", "54 %")
                .contains("Schinnen (12.960", "46 %").contains("Onderbanken (7.869 inw., niet deelgenomen)");
        assertThat(cell("#trend-table tr[data-year='2021'] .points")).isEqualTo("100,0");
        assertThat(cell("#view p.muted")).contains("Vergeleken met 2017 (gewogen gemiddelde van de voorgangers)");

        open("/region/Zuid-Limburg?year=2021");
        assertThat(cell("#region-table tr[data-municipality='" + BEEKDAELEN + "'] .predecessors"))
                .startsWith("2017: ").contains("Nuth (15.425 inw., 54 %, 72,5)", "Schinnen (12.960");
    }

    @Test
    void the_response_view_shows_the_response_per_size_class_and_region_and_who_has_not_submitted() {
        open("/response?year=2061");
        JsonPath response = api("/api/reports/response?year=2061");
        assertThat(cell("#response-size-table tr[data-size-class='total'] .invited")).isEqualTo("352");
        assertThat(cell("#response-size-table tr[data-size-class='total'] .responded"))
                .isEqualTo(String.valueOf(response.getInt("sizeClasses[5].responded"))).isEqualTo("2");
        assertThat(cell("#response-region-table tr[data-region='Groningen'] .responded")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#response-region-table tbody tr"))).hasSize(27);

        // A coordinator lands on their own region: its response and the nine Groningen municipalities still to submit.
        load(TestTokens.coordinator("Groningen"), "/response?year=2061");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
        assertThat(cell("#response-size-table tr[data-size-class='total'] .invited")).isEqualTo("10");
        assertThat(cell("#response-size-table tr[data-size-class='total'] .percent")).isEqualTo("10 %");
        assertThat(browser.findElements(By.cssSelector("#outstanding-table tbody tr"))).hasSize(9);
        assertThat(browser.findElements(By.cssSelector("#outstanding-table tr[data-municipality='" + GRONINGEN + "']")))
                .isEmpty();
        assertThat(browser.findElements(By.id("response-region-table"))).isEmpty();

        // Another region's list is not theirs to see.
        load(TestTokens.coordinator("Groningen"), "/response?year=2061&region=Zeeland");
        assertThat(new WebDriverWait(browser, DEADLINE).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("message"))).getText()).startsWith("Geen toegang");
    }

    // ---- "Rapport": the whole yearly report

    /** A value as the report page writes it: a score one decimal, null "–". */
    private static String shownOrDash(Object value) {
        return value == null ? "–" : shown(((Number) value).doubleValue());
    }

    private static String percentOrDash(Object value) {
        return value == null ? "–" : value + " %";
    }

    private static String countOrDash(Object value) {
        return value == null ? "–" : String.valueOf(value);
    }

    private String text(WebElement root, String selector) {
        return root.findElement(By.cssSelector(selector)).getText().trim();
    }

    /** A cell the API withheld: "–", marked as withheld. */
    private void assertWithheld(WebElement cell) {
        assertThat(cell.getText().trim()).isEqualTo("–");
        assertThat(cell.findElement(By.cssSelector(".suppressed")).getAttribute("title")).contains("Afgeschermd");
    }

    private static JsonPath json(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_report_page_shows_every_table_of_the_yearly_report_as_the_json_gives_it() {
        open("/rapport?year=2061&compare=2060");
        JsonPath report = api("/api/reports/yearly?year=2061&compareWith=2060");
        int checked = 0;

        // Figuur 4.1-4.10: per goal and year the component means, in the table and as the figure's bars.
        for (Map<String, Object> goal : report.<Map<String, Object>>getList("goalScores.goals")) {
            WebElement section = browser.findElement(By.cssSelector(".goal-section[data-goal='" + goal.get("goal") + "']"));
            for (Map<String, Object> year : (List<Map<String, Object>>) goal.get("years")) {
                WebElement row = section.findElement(By.cssSelector(".components-table tr[data-year='" + year.get("year") + "']"));
                assertThat(text(row, ".n")).isEqualTo(String.valueOf(year.get("n")));
                for (String key : List.of("meanBorging", "meanInhoud", "meanBereik", "meanTotal")) {
                    assertThat(text(row, "." + key)).as("goal %s %s %s", goal.get("goal"), year.get("year"), key)
                            .isEqualTo(shownOrDash(year.get(key)));
                    checked++;
                }
                for (String key : List.of("meanBorging", "meanInhoud", "meanBereik")) {
                    List<WebElement> bars = section.findElements(By.cssSelector("rect[data-year='" + year.get("year")
                            + "'][data-component='" + key + "']"));
                    if (year.get(key) == null) {
                        assertThat(bars).isEmpty();
                    } else {
                        assertThat(Double.parseDouble(bars.get(0).getAttribute("data-value")))
                                .isCloseTo(((Number) year.get(key)).doubleValue(), org.assertj.core.data.Offset.offset(1e-4));
                    }
                }
            }
        }
        // Goal 1 in 2061: Groningen and Almere; borging of both laid down.
        assertThat(cell(".goal-section[data-goal='1'] .components-table tr[data-year='2061'] .meanTotal"))
                .isEqualTo("86,3");

        // Tabel 4.1-4.10: every option's N and % per year.
        for (Map<String, Object> goal : report.<Map<String, Object>>getList("measures.goals")) {
            WebElement section = browser.findElement(By.cssSelector(".goal-section[data-goal='" + goal.get("goal") + "']"));
            for (Map<String, Object> category : (List<Map<String, Object>>) goal.get("categories")) {
                for (Map<String, Object> option : (List<Map<String, Object>>) category.get("options")) {
                    WebElement row = section.findElement(By.cssSelector(".measures-table tr[data-option='"
                            + category.get("category") + "/" + option.get("option") + "']"));
                    for (Map<String, Object> year : (List<Map<String, Object>>) option.get("years")) {
                        assertThat(text(row, ".n[data-year='" + year.get("year") + "']")).isEqualTo(countOrDash(year.get("n")));
                        assertThat(text(row, ".percent[data-year='" + year.get("year") + "']"))
                                .isEqualTo(percentOrDash(year.get("percent")));
                        checked++;
                    }
                }
            }
        }
        assertThat(cell(".goal-section[data-goal='1'] tr[data-option='own-action/campaign'] .percent[data-year='2061']"))
                .isEqualTo("50 %");

        // Tabel 4.11: included, respondents, %.
        for (Map<String, Object> goal : report.<Map<String, Object>>getList("policyInclusion.goals")) {
            WebElement row = browser.findElement(By.cssSelector("#inclusion-table tr[data-goal='" + goal.get("goal") + "']"));
            for (Map<String, Object> year : (List<Map<String, Object>>) goal.get("years")) {
                String at = "[data-year='" + year.get("year") + "']";
                assertThat(text(row, ".included" + at)).isEqualTo(countOrDash(year.get("included")));
                assertThat(text(row, ".respondents" + at)).isEqualTo(String.valueOf(year.get("respondents")));
                assertThat(text(row, ".percent" + at)).isEqualTo(percentOrDash(year.get("percent")));
                checked++;
            }
        }

        // The documents goals are laid down in: Groningen's goal 1 in the regional vision, Almere's in it and the
        // implementation plan -> 2 of 3 mentions (67 %) and 1 of 3 (33 %).
        for (Map<String, Object> kind : report.<Map<String, Object>>getList("documents.documents")) {
            WebElement row = browser.findElement(By.cssSelector("#documents-table tr[data-document='" + kind.get("document") + "']"));
            for (Map<String, Object> year : (List<Map<String, Object>>) kind.get("years")) {
                String at = "[data-year='" + year.get("year") + "']";
                assertThat(text(row, ".n" + at)).isEqualTo(countOrDash(year.get("n")));
                assertThat(text(row, ".percent" + at)).isEqualTo(percentOrDash(year.get("percent")));
                checked++;
            }
        }
        assertThat(cell("#documents-table tr[data-document='regional-vision'] .percent[data-year='2061']")).isEqualTo("67 %");
        assertThat(cell("#documents-table tr[data-document='implementation-plan'] .percent[data-year='2061']"))
                .isEqualTo("33 %");
        assertThat(cell("#documents-table tr[data-document='regional-vision'] th")).isEqualTo("Regiovisie");

        // The distribution: below 25, above 75, no goal in policy.
        for (Map<String, Object> year : report.<Map<String, Object>>getList("distribution.years")) {
            WebElement row = browser.findElement(By.cssSelector("#distribution-table tr[data-year='" + year.get("year") + "']"));
            assertThat(List.of(text(row, ".n"), text(row, ".below"), text(row, ".below-percent"), text(row, ".above"),
                    text(row, ".above-percent"), text(row, ".no-goal"), text(row, ".no-goal-percent"))).containsExactly(
                    String.valueOf(year.get("n")), countOrDash(year.get("below")), percentOrDash(year.get("belowPercent")),
                    countOrDash(year.get("above")), percentOrDash(year.get("abovePercent")),
                    countOrDash(year.get("noGoalInPolicy")), percentOrDash(year.get("noGoalInPolicyPercent")));
            checked++;
        }

        // Tabel 4.12 and the extra questions (4.13 risk groups, 4.14 target groups, the rest of Bijlage 2).
        for (Map<String, Object> year : report.<Map<String, Object>>getList("extras.years")) {
            String at = "[data-year='" + year.get("year") + "']";
            for (Map<String, Object> grade : (List<Map<String, Object>>) year.get("grades")) {
                WebElement row = browser.findElement(By.cssSelector("#grades-table tr[data-grade='" + grade.get("grade") + "']"));
                assertThat(text(row, ".n" + at)).isEqualTo(String.valueOf(grade.get("n")));
                assertThat(text(row, ".mean" + at)).isEqualTo(shownOrDash(grade.get("mean")));
                checked++;
            }
            for (Map<String, Object> question : (List<Map<String, Object>>) year.get("questions")) {
                WebElement table = browser.findElement(By.cssSelector(".question-table[data-question='"
                        + question.get("question") + "']"));
                for (Map<String, Object> option : (List<Map<String, Object>>) question.get("options")) {
                    WebElement row = table.findElement(By.cssSelector("tr[data-option='" + option.get("option") + "']"));
                    assertThat(text(row, ".n" + at)).isEqualTo(countOrDash(option.get("n")));
                    assertThat(text(row, ".percent" + at)).isEqualTo(percentOrDash(option.get("percent")));
                    checked++;
                }
            }
        }
        assertThat(cell(".question-table[data-question='risk-group-figures'] caption")).startsWith("Tabel 4.13: Heeft u");
        assertThat(cell(".question-table[data-question='target-group-policy'] caption")).startsWith("Tabel 4.14: Heeft u");
        assertThat(cell(".question-table[data-question='risk-group-figures'] tr[data-option='family-crises'] "
                + ".percent[data-year='2061']")).isEqualTo("100 %");   // of those who answered the question: Almere
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void figure_4_12_shows_r_n_and_p_and_its_points_only_to_analysts() {
        open("/rapport?year=2062&compare=none");
        JsonPath extras = api("/api/reports/extras?year=2062");
        // Grades 5, 7, 9 against totals: r over three municipalities, p of Student's t with one degree of freedom.
        assertThat(extras.getLong("years[0].correlation.n")).isEqualTo(3);
        NumberFormat two = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-NL"));
        two.setMinimumFractionDigits(2);
        two.setMaximumFractionDigits(2);
        NumberFormat three = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-NL"));
        three.setMinimumFractionDigits(3);
        three.setMaximumFractionDigits(3);
        assertThat(cell("#correlation .r")).isEqualTo(two.format(extras.getDouble("years[0].correlation.r")));
        assertThat(cell("#correlation .n")).isEqualTo("3");
        assertThat(cell("#correlation .p")).isEqualTo(three.format(extras.getDouble("years[0].correlation.p")));
        List<WebElement> dots = browser.findElements(By.cssSelector("#scatter circle"));
        assertThat(dots).hasSize(extras.getList("years[0].correlation.points").size()).hasSize(3);
        assertThat(dots).extracting(d -> d.getAttribute("data-grade")).containsExactlyInAnyOrder("5", "7", "9");
        assertThat(browser.findElement(By.id("scatter")).getAttribute("role")).isEqualTo("img");

        // The Groningen coordinator: the region alone has one municipality in 2062, so r and p are withheld, and the
        // points are not theirs (the API gives none).
        String coordinator = TestTokens.coordinator("Groningen");
        JsonPath theirs = json(coordinator, "/api/reports/extras?year=2062&region=Groningen");
        assertThat(theirs.getBoolean("years[0].correlation.suppressed")).isTrue();
        assertThat((Object) theirs.get("years[0].correlation.points")).isNull();
        load(coordinator, "/rapport?year=2062&compare=none");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
        assertWithheld(browser.findElement(By.cssSelector("#correlation .r")));
        assertWithheld(browser.findElement(By.cssSelector("#correlation .p")));
        assertThat(browser.findElements(By.id("scatter"))).isEmpty();
        assertThat(cell("#scatter-withheld")).contains("alleen voor analisten en beheerders");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_coordinator_sees_the_report_of_the_region_with_what_is_withheld_marked_and_downloads_it() throws Exception {
        String coordinator = TestTokens.coordinator("Groningen");
        load(coordinator, "/rapport?year=2062&compare=none");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
        assertThat(browser.findElement(By.cssSelector("#region option:checked")).getText()).isEqualTo("Groningen");
        JsonPath report = json(coordinator, "/api/reports/yearly?year=2062&region=Groningen");
        int withheld = 0;
        for (Map<String, Object> goal : report.<Map<String, Object>>getList("goalScores.goals")) {
            for (Map<String, Object> year : (List<Map<String, Object>>) goal.get("years")) {
                WebElement row = browser.findElement(By.cssSelector(".goal-section[data-goal='" + goal.get("goal")
                        + "'] .components-table tr[data-year='" + year.get("year") + "']"));
                if (Boolean.TRUE.equals(year.get("suppressed"))) {
                    assertWithheld(row.findElement(By.cssSelector(".meanTotal")));
                    assertWithheld(row.findElement(By.cssSelector(".meanBorging")));
                    assertThat(row.findElements(By.cssSelector("rect"))).isEmpty();
                    withheld++;
                } else {
                    assertThat(text(row, ".meanTotal")).isEqualTo(shownOrDash(year.get("meanTotal")));
                }
            }
        }
        for (Map<String, Object> goal : report.<Map<String, Object>>getList("policyInclusion.goals")) {
            for (Map<String, Object> year : (List<Map<String, Object>>) goal.get("years")) {
                WebElement cell = browser.findElement(By.cssSelector("#inclusion-table tr[data-goal='" + goal.get("goal")
                        + "'] .percent[data-year='" + year.get("year") + "']"));
                if (Boolean.TRUE.equals(year.get("suppressed"))) {
                    assertWithheld(cell);
                    withheld++;
                }
            }
        }
        for (Map<String, Object> kind : report.<Map<String, Object>>getList("documents.documents")) {
            for (Map<String, Object> year : (List<Map<String, Object>>) kind.get("years")) {
                if (Boolean.TRUE.equals(year.get("suppressed"))) {
                    assertWithheld(browser.findElement(By.cssSelector("#documents-table tr[data-document='"
                            + kind.get("document") + "'] .percent[data-year='" + year.get("year") + "']")));
                    withheld++;
                }
            }
        }
        for (Map<String, Object> year : report.<Map<String, Object>>getList("distribution.years")) {
            if (Boolean.TRUE.equals(year.get("suppressed"))) {
                assertWithheld(browser.findElement(By.cssSelector("#distribution-table tr[data-year='" + year.get("year")
                        + "'] .below")));
                withheld++;
            }
        }
        for (Map<String, Object> year : report.<Map<String, Object>>getList("extras.years")) {
            for (Map<String, Object> grade : (List<Map<String, Object>>) year.get("grades")) {
                if (Boolean.TRUE.equals(grade.get("suppressed"))) {
                    assertWithheld(browser.findElement(By.cssSelector("#grades-table tr[data-grade='" + grade.get("grade")
                            + "'] .mean[data-year='" + year.get("year") + "']")));
                    withheld++;
                }
            }
            for (Map<String, Object> question : (List<Map<String, Object>>) year.get("questions")) {
                if (Boolean.TRUE.equals(question.get("suppressed"))) {
                    for (WebElement cell : browser.findElements(By.cssSelector(".question-table[data-question='"
                            + question.get("question") + "'] tbody tr[data-option] .percent"))) {
                        assertWithheld(cell);
                    }
                    withheld++;
                }
            }
        }
        // Groningen is the region's one municipality of 2062 (three in the country: released to coordinators): goal
        // 1's means and inclusion, the distribution, the grades and the extra questions are withheld.
        assertThat(report.getBoolean("goalScores.goals[0].years[0].suppressed")).as(report.prettify()).isTrue();
        assertThat(report.getLong("goalScores.goals[0].years[0].n")).isEqualTo(1);
        assertThat(report.getBoolean("distribution.years[0].suppressed")).isTrue();
        assertThat(withheld).isGreaterThanOrEqualTo(3 + 3 + 3);

        browser.findElement(By.id("download-report-xlsx")).click();
        Path xlsx = downloads.resolve("jaarrapport-2062-Groningen.xlsx");
        await().atMost(DEADLINE).until(() -> Files.exists(xlsx) && Files.size(xlsx) > 4);
        assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void the_region_view_sets_the_region_against_the_nation_and_withholds_what_the_api_withholds() {
        open("/region/Groningen?year=2061");
        JsonPath region = api("/api/regions/Groningen/municipalities?year=2061");
        assertThat(cell("#comparison-table tr[data-goal='total'] .region-n")).isEqualTo("1");
        assertThat(cell("#comparison-table tr[data-goal='total'] .region-mean"))
                .isEqualTo(shown(region.getDouble("comparison.total.regionMean")));
        assertThat(cell("#comparison-table tr[data-goal='total'] .nation-n"))
                .isEqualTo(String.valueOf(region.getLong("comparison.total.nationN")));
        assertThat(cell("#comparison-table tr[data-goal='total'] .nation-mean"))
                .isEqualTo(shown(region.getDouble("comparison.total.nationMean")));
        assertThat(cell("#comparison-table tr[data-goal='1'] .nation-mean"))
                .isEqualTo(shown(region.getDouble("comparison.goals[0].line.nationMean"))).isEqualTo("86,3");
        assertThat(browser.findElements(By.cssSelector("#comparison-table tbody tr"))).hasSize(11);

        // The coordinator of Groningen in 2062: one municipality in the region, two outside it -> both withheld.
        String coordinator = TestTokens.coordinator("Groningen");
        JsonPath theirs = json(coordinator, "/api/regions/Groningen/municipalities?year=2062");
        assertThat(theirs.getLong("comparison.total.regionN")).as(theirs.prettify()).isEqualTo(1);
        assertThat(theirs.getBoolean("comparison.total.regionMeanSuppressed")).as(theirs.prettify()).isTrue();
        assertThat(theirs.getBoolean("comparison.total.nationMeanSuppressed")).isTrue();
        load(coordinator, "/region/Groningen?year=2062");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
        assertWithheld(browser.findElement(By.cssSelector("#comparison-table tr[data-goal='total'] .region-mean")));
        assertWithheld(browser.findElement(By.cssSelector("#comparison-table tr[data-goal='total'] .nation-mean")));
        assertWithheld(browser.findElement(By.cssSelector("#comparison-table tr[data-goal='total'] .nation-n")));
        assertThat(cell("#comparison-table tr[data-goal='total'] .difference")).isEqualTo("–");
    }

    private List<String> axe(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(nl.monitor.testsupport.Axe.source());
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        return nl.monitor.testsupport.Axe.serious(js.executeAsyncScript(nl.monitor.testsupport.Axe.RUN)).stream()
                .map(v -> page + ": " + v).toList();
    }

    @Test
    void axe_core_finds_no_serious_or_critical_violation_on_any_page_of_the_dashboard() {
        List<String> found = new java.util.ArrayList<>();
        open("/national?year=2061&compare=2060");
        found.addAll(axe("national"));
        open("/region/Groningen?year=2061");
        found.addAll(axe("region"));
        open("/rapport?year=2061&compare=2060");
        found.addAll(axe("report"));
        open("/rapport?year=2062&compare=none");
        found.addAll(axe("report with the scatter"));
        load(TestTokens.coordinator("Groningen"), "/rapport?year=2062&compare=none");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
        found.addAll(axe("report of a coordinator, withheld"));
        open("/card/" + GRONINGEN + "/2061");
        found.addAll(axe("card"));
        open("/card/" + BEEKDAELEN + "/2021");
        found.addAll(axe("card of a merged municipality"));
        open("/response?year=2061&region=Groningen");
        found.addAll(axe("response"));
        load(TestTokens.wronglySigned(), "/national?year=2061");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        found.addAll(axe("sign-in"));
        load(TestTokens.respondent(ALMERE), "/card/" + GRONINGEN + "/2061");
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "Geen toegang"));
        found.addAll(axe("no access"));
        assertThat(found).isEmpty();
    }
}
