package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.client.reporting.api.ReportsApi;
import nl.monitor.client.survey.api.ImportsApi;
import nl.monitor.client.survey.model.ImportRequest;
import nl.monitor.demo.DemoCohorts;
import nl.monitor.testsupport.AccessiblePdf;
import nl.monitor.testsupport.HeadlessChromium;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2017 yearly report over the end-to-end cohort: the demo waves 2014 and 2017 ({@link DemoCohorts}, participation
 * per size class as Tabel 3.1 of the 2017 report, fixed seed) go in through the survey-service's bulk import, are
 * scored and reported by the packaged services; then {@code GET /api/reports/yearly?year=2017&compareWith=2014} as a
 * PDF passes veraPDF's PDF/UA-1 validation with no failed rule, and its text layer holds every number of Tabel 3.1,
 * 4.11 and 4.12 as the same report in JSON gives them. Its first pages are rendered as pictures into
 * {@code target/report-2017/} ({@code docs/report-2017-page-*.png} are copies).
 */
class Report2017IT {

    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final String REPORT = "/api/reports/yearly?year=2017&compareWith=2014";
    private static final int PICTURED_PAGES = 5;

    private static Platform platform;

    @BeforeAll
    static void importTheDemoWaves() throws Exception {
        platform = RunningPlatform.get();
        DemoCohorts cohorts = DemoCohorts.standard();
        Map<Integer, Integer> imported = new LinkedHashMap<>();
        for (int year : DemoCohorts.YEARS) {
            JsonNode result = Clients.tree(new ImportsApi(Clients.survey(platform, TestTokens.admin())).importWave(
                    Clients.read(Api.write(Map.of("year", year, "rows", cohorts.wave(year))), ImportRequest.class),
                    "report-2017-it-" + year + "-seed-" + DemoCohorts.SEED));
            assertThat(result.path("rejected").asInt()).as(result.toString()).isZero();
            imported.put(year, result.path("accepted").asInt() + result.path("alreadyImported").asInt());
        }
        assertThat(imported.get(2017)).isEqualTo(cohorts.wave(2017).size());

        // Scored and projected: the participation of each year counts every imported municipality.
        Awaitility.await("the demo waves in the reports").atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    for (Map.Entry<Integer, Integer> wave : imported.entrySet()) {
                        if (participated(wave.getKey()) < wave.getValue()) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private static int participated(int year) throws Exception {
        JsonNode classes = Clients.tree(new ReportsApi(Clients.reporting(platform, TestTokens.analyst()))
                .getParticipationReport(null, null, null, String.valueOf(year))).path("sizeClasses");
        for (JsonNode row : classes) {
            if (row.path("sizeClass").isNull()) {
                return row.at("/years/0/participated").asInt();
            }
        }
        return 0;
    }

    @Test
    void the_2017_report_is_a_pdf_ua_document_with_every_number_of_tabel_3_1_4_11_and_4_12() throws Exception {
        byte[] pdf = pdf(REPORT);
        JsonNode report = Clients.tree(new ReportsApi(Clients.reporting(platform, TestTokens.analyst()))
                .getYearlyReport("2017", "2014", null, null));
        assertThat(report.path("year").asInt()).isEqualTo(2017);

        String text = AccessiblePdf.text(pdf);
        List<String> rows = new ArrayList<>();
        // Tabel 3.1: per size class and year invited, participated, percent.
        for (JsonNode sizeClass : report.at("/participation/sizeClasses")) {
            for (JsonNode year : sizeClass.path("years")) {
                rows.add(String.join(" ", sizeClass.path("label").asText(), year.path("year").asText(),
                        year.path("invited").asText(), year.path("participated").asText(), percent(year.path("percent"))));
            }
        }
        // Tabel 4.11: per goal and year included, respondents, percent.
        for (JsonNode goal : report.at("/policyInclusion/goals")) {
            for (JsonNode year : goal.path("years")) {
                rows.add(String.join(" ", goal.path("goal").asText() + ". " + goal.path("title").asText(),
                        year.path("year").asText(), year.path("included").asText(), year.path("respondents").asText(),
                        percent(year.path("percent"))));
            }
        }
        // Tabel 4.12: per year and grade n and mean.
        for (JsonNode year : report.at("/extras/years")) {
            for (JsonNode grade : year.path("grades")) {
                rows.add(String.join(" ", grade.path("label").asText(), year.path("year").asText(),
                        grade.path("n").asText(), grade.path("mean").asText().replace('.', ',')));
            }
        }
        // 6 size-class rows x 2 years, 10 goals x 2 years, 3 grades x 2 years.
        assertThat(rows).hasSize(12 + 20 + 6);
        assertThat(rows).allSatisfy(row -> assertThat(text).contains(AccessiblePdf.unbroken(row)));
        assertThat(text).contains("Inhoudsopgave", "Methode", "Pagina 1 van ");

        pictures(pdf, RunningPlatform.ROOT.resolve("end-to-end-tests/target/report-2017"));
    }

    @Test
    void the_documents_goals_are_laid_down_in_have_the_shares_the_2017_report_gives() throws Exception {
        JsonNode report = Clients.tree(new ReportsApi(Clients.reporting(platform, TestTokens.analyst()))
                .getDocumentsReport(null, null, null, null, "2017"));
        assertThat(report.path("denominator").asText()).isEqualTo("mentions");
        Map<String, Integer> percent = new LinkedHashMap<>();
        for (JsonNode kind : report.path("documents")) {
            percent.put(kind.path("document").asText(), kind.at("/years/0/percent").asInt());
        }
        // seed 000 §4 "Alle doelstellingen: borging": regiovisie 30 %, uitvoeringsplan 20 %, notitie jeugdbeleid 18 %,
        // Kadernota Wmo 4 % (of the documents named; "Anders" the rest), whole percents as the report rounds.
        assertThat(percent).containsExactly(Map.entry("regional-vision", 30), Map.entry("implementation-plan", 20),
                Map.entry("youth-policy-memo", 18), Map.entry("wmo-framework-memo", 4), Map.entry("other", 28));
        assertThat(report.at("/years/0/mentions").asLong()).isGreaterThan(report.at("/years/0/goalsLaidDown").asLong());
    }

    @Test
    void the_dashboards_report_page_shows_the_cohorts_shares_and_is_pictured() throws Exception {
        WebDriver browser = HeadlessChromium.start(1280, 1700);
        try {
            browser.get(platform.url("reporting-service") + "/dashboard/#token=" + TestTokens.analyst() + "&to="
                    + URLEncoder.encode("/rapport?year=2017&compare=2014", StandardCharsets.UTF_8));
            new WebDriverWait(browser, Duration.ofMinutes(1)).until(
                    ExpectedConditions.attributeToBe(By.id("view"), "data-state", "ready"));
            assertThat(browser.findElement(By.cssSelector("#documents-table tr[data-document='regional-vision'] "
                    + ".percent[data-year='2017']")).getText().trim()).isEqualTo("30 %");
            assertThat(browser.findElements(By.cssSelector(".goal-section"))).hasSize(10);
            // The README's pictures (target/screenshots/; docs/dashboard-report*.png are copies): the page's top with
            // the first goals' figures, and policy inclusion with the documents.
            Path pictures = RunningPlatform.ROOT.resolve("end-to-end-tests/target/screenshots");
            Files.createDirectories(pictures);
            Files.write(pictures.resolve("dashboard-report.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            ((JavascriptExecutor) browser).executeScript(
                    "document.getElementById('inclusion-title').scrollIntoView()");
            Files.write(pictures.resolve("dashboard-report-documents.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    /** Plain HTTP on purpose: the PDF's raw bytes and its Content-Type header are what is checked. */
    private static byte[] pdf(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.url("reporting-service") + path))
                .header("Authorization", "Bearer " + TestTokens.analyst()).header("Accept", "application/pdf")
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/pdf"));
        return response.body();
    }

    /** The first pages as PNG pictures at 110 dpi, {@code page-1.png} and on. */
    private static void pictures(byte[] pdf, Path directory) throws Exception {
        Files.createDirectories(directory);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < Math.min(PICTURED_PAGES, document.getNumberOfPages()); page++) {
                Path file = directory.resolve("page-" + (page + 1) + ".png");
                ImageIO.write(renderer.renderImageWithDPI(page, 110, ImageType.RGB), "png", file.toFile());
                assertThat(Files.size(file)).isPositive();
            }
        }
    }

    private static String percent(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "–" : value.asInt() + " %";
    }
}
