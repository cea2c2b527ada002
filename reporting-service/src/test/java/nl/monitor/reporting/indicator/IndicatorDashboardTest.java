package nl.monitor.reporting.indicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.testsupport.Axe;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's "Indicatoren" page in a real headless Chromium over figures of its own periods (2076-2077): the
 * region against the nation and its municipalities as the trend API gives them, a small count marked as suppressed
 * for an analyst and shown to the region's coordinator, and no serious accessibility violation.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class IndicatorDashboardTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();
    private static final Map<String, String> SEXUAL_ABUSE = Map.of("abuse-type", "sexual-abuse");
    private static WebDriver browser;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private static void publish(String period, AreaLevel level, String area, String value) {
        IndicatorRecorded figure = new IndicatorRecorded(UUID.randomUUID(), "vt-reports", 1, period, level, area,
                SEXUAL_ABUSE, new BigDecimal(value), 1, Instant.now(), "test");
        CloudEvent<IndicatorRecorded> event = CloudEvent.of(EventType.INDICATOR_RECORDED, "/survey-service",
                figure.key(), figure);
        EventPublisher.shared().send(EventType.INDICATOR_RECORDED.topic(), event.subject(), CODEC.encode(event));
    }

    @BeforeAll
    static void publishFiguresAndStartTheBrowser() {
        publish("2076", AreaLevel.NATIONAL, "NL", "5630");
        publish("2077", AreaLevel.NATIONAL, "NL", "5811");
        publish("2076", AreaLevel.REGION, "Groningen", "212");
        publish("2077", AreaLevel.REGION, "Groningen", "198");
        publish("2077", AreaLevel.MUNICIPALITY, "GM0014", "71");
        publish("2077", AreaLevel.MUNICIPALITY, "GM0765", "4"); // Pekela: a small count
        publish("2017", AreaLevel.MUNICIPALITY, "GM0007", "20"); // Bellingwedde and Vlagtwedde: Westerwolde since 2018
        publish("2017", AreaLevel.MUNICIPALITY, "GM0048", "30");
        browser = HeadlessChromium.start(1280, 1100);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String token) {
        open(token, "");
    }

    private void open(String token, String more) {
        // the figures are projected (the HTTP port is known from the test instance on, not in @BeforeAll)
        await().atMost(DEADLINE).until(() -> given().auth().oauth2(TestTokens.admin())
                .get("/api/indicators/vt-reports/trend?region=Groningen&breakdown=abuse-type:sexual-abuse")
                .then().extract().jsonPath().getList("periods.find { it.period == '2077' }.municipalities.code",
                        String.class).size() == 2
                && given().auth().oauth2(TestTokens.admin())
                .get("/api/indicators/vt-reports/trend?region=Groningen&breakdown=abuse-type:sexual-abuse").then()
                .extract().jsonPath().getList("periods.find { it.period == '2017' }.municipalities.code",
                        String.class).size() == 2);
        browser.get("about:blank");
        browser.get(dashboard + "#token=" + token + "&to=" + URLEncoder.encode(
                "/indicatoren/vt-reports?region=Groningen&breakdown=abuse-type:sexual-abuse" + more,
                StandardCharsets.UTF_8));
        new WebDriverWait(browser, DEADLINE).until(ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
    }

    private String cell(String area, int column) {
        return browser.findElement(By.cssSelector("#indicator-table tr[data-area='" + area + "'] td:nth-of-type("
                + column + ")")).getText().trim();
    }

    @Test
    void the_coordinator_sees_the_region_against_the_nation_and_every_municipality_of_it() throws Exception {
        open(TestTokens.coordinator("Groningen"));
        assertThat(browser.findElement(By.id("indicator-title")).getText()).isEqualTo("Aantal meldingen bij Veilig Thuis");
        List<String> periods = browser.findElements(By.cssSelector("#indicator-table thead th.num")).stream()
                .map(e -> e.getText().trim()).toList();
        int column = periods.indexOf("2077") + 1;
        assertThat(column).isPositive();
        assertThat(cell("NL", column)).isEqualTo("5.811");
        assertThat(cell("region", column)).isEqualTo("198");
        assertThat(cell("GM0014", column)).isEqualTo("71");
        assertThat(cell("GM0765", column)).isEqualTo("4");
        assertThat(browser.findElement(By.cssSelector("#indicator-table caption")).getText())
                .contains("Type kindermishandeling: Seksueel misbruik");
        assertThat(axe()).isEmpty();
        Files.write(Path.of("target", "dashboard-indicators.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void an_analyst_sees_the_small_count_suppressed() {
        open(TestTokens.analyst());
        List<String> periods = browser.findElements(By.cssSelector("#indicator-table thead th.num")).stream()
                .map(e -> e.getText().trim()).toList();
        int column = periods.indexOf("2077") + 1;
        assertThat(cell("GM0765", column)).isEqualTo("–");
        assertThat(browser.findElement(By.cssSelector("#indicator-table tr[data-area='GM0765'] .suppressed"))
                .getAttribute("title")).isEqualTo("Afgeschermd: klein aantal (minder dan 10)");
        assertThat(cell("GM0014", column)).isEqualTo("71");
        assertThat(axe()).isEmpty();
    }

    @Test
    void folded_onto_the_latest_division_westerwolde_has_its_predecessors_sum_and_the_csv_button_saves_the_trend() {
        open(TestTokens.coordinator("Groningen"), "&fold=true");
        List<String> periods = browser.findElements(By.cssSelector("#indicator-table thead th.num")).stream()
                .map(e -> e.getText().trim()).toList();
        int column = periods.indexOf("2017") + 1;
        assertThat(column).isPositive();
        assertThat(cell("GM1950", column)).isEqualTo("50");
        assertThat(browser.findElement(By.cssSelector("#indicator-table tr[data-area='GM1950'] td:nth-of-type("
                + column + ")")).getAttribute("title")).isEqualTo("Samengeteld uit GM0007, GM0048");
        assertThat(browser.findElements(By.cssSelector("#indicator-table tr[data-area='GM0007']"))).isEmpty();
        assertThat(browser.findElement(By.id("fold")).isSelected()).isTrue();

        // the CSV button saves what the page shows: the blob handed to the link, read back in the page
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("const create = URL.createObjectURL; window.savedBlobs = [];"
                + "URL.createObjectURL = blob => { window.savedBlobs.push(blob); return create(blob); };");
        browser.findElement(By.id("download-indicator-csv")).click();
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        String csv = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const wait = () => window.savedBlobs.length ? window.savedBlobs[0].text().then(done)"
                + " : setTimeout(wait, 50);"
                + "wait();");
        // the dialect follows the browser's Accept-Language (Dutch: semicolons)
        assertThat(csv.replace(';', ',')).contains("2017,MUNICIPALITY,GM1950,Westerwolde,50,false,GM0007 GM0048");
        assertThat(axe()).isEmpty();
    }

    private List<String> axe() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Axe.source());
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        return Axe.serious(js.executeAsyncScript(Axe.RUN));
    }
}
