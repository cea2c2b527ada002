package nl.monitor.survey.indicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The indicator import of an Excel workbook (issue 28): the first sheet's rows read into the rows a CSV gives, then
 * checked, stored, versioned and published by the same code. The workbooks are written here with Apache POI, as a
 * spreadsheet program writes them (shared strings, numeric cells, a formula with its cached value, an error value); the
 * broken ones by hand. The periods 2069, 2070, 2074 and 2075 are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class IndicatorWorkbookImportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PERIOD_2069 = "\"period\":\"2069";
    private static final Object[] HEADER = {"indicator", "periode", "niveau", "gebied", "abuse-type", "reporter",
            "waarde"};
    private final EventCodec codec = new EventCodec();
    @TestHTTPResource("/")
    URL base;
    private TopicReader figures;
    private TopicReader audit;

    /** A formula cell, with the value Excel would have cached for it. */
    private record Formula(String formula) {
    }

    /** An error value (#DIV/0!) where a value belongs. */
    private record ErrorValue(FormulaError error) {
    }

    @BeforeEach
    void readTopics() {
        figures = new TopicReader(EventType.INDICATOR_RECORDED.topic());
        audit = new TopicReader(EventType.AUDIT_RECORDED.topic());
    }

    @AfterEach
    void closeReaders() {
        figures.close();
        audit.close();
    }

    private static ValidatableResponse importWorkbook(String token, byte[] workbook) {
        return given().auth().oauth2(token).contentType(XLSX).body(workbook)
                .post("/api/indicator-figures/import").then();
    }

    /**
     * A workbook whose first sheet has these rows (row 1 first; an empty array leaves the row out, a null a cell):
     * strings as text cells, numbers as numeric cells, {@link Formula}s and {@link ErrorValue}s as those; a second
     * sheet with notes that the import does not read.
     */
    static byte[] workbook(Object[]... rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Cijfers");
            for (int r = 0; r < rows.length; r++) {
                if (rows[r].length == 0) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof Formula formula) {
                        cell.setCellFormula(formula.formula());
                        book.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                    } else if (value instanceof ErrorValue error) {
                        cell.setCellErrorValue(error.error().getCode());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            Sheet notes = book.createSheet("Toelichting");
            notes.createRow(0).createCell(0).setCellValue("Bron: Veilig Thuis Groningen, synthetische cijfers");
            notes.createRow(1).createCell(0).setCellValue("geen kolommen van de import");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IndicatorRecorded figure(ConsumerRecord<String, String> record) {
        CloudEvent<IndicatorRecorded> event = codec.decode(record.value(), EventType.INDICATOR_RECORDED);
        return event.data();
    }

    private static Object[] row(Object... cells) {
        return cells;
    }

    @Test
    void a_regions_workbook_is_imported_published_audited_and_a_corrected_workbook_stores_only_the_new_version() {
        String coordinator = TestTokens.coordinator("Groningen");
        Object[][] rows = {
                HEADER,
                row("vt-reports", "2069", "regio", "Groningen", "sexual-abuse", "citizen", 12),
                row("vt-reports", 2069, "regio", "Groningen", null, null, 1204),   // the year as a number
                row(),                                                             // a blank row: skipped
                row("vt-repeat-reports", "2069", "gemeente", "GM0014", "physical-abuse", null, "8,25"),
                row("vt-repeat-reports", 2069, "gemeente", "GM0014", null, null, 14.499999999999998),
                row("vt-reports", "2069-Q2", "regio", "Groningen", null, null, 300.0)};
        importWorkbook(coordinator, workbook(rows)).statusCode(200)
                .body("figures", equalTo(5)).body("stored", equalTo(5)).body("unchanged", equalTo(0));

        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2069").then().statusCode(200)
                .body("value", containsInAnyOrder(12, 1204, 8.25f, 14.5f))
                .body("find { it.breakdown.'abuse-type' == 'physical-abuse' }.value", equalTo(8.25f));
        List<IndicatorRecorded> published = figures.await(r -> r.value().contains(PERIOD_2069), 5, DEADLINE).stream()
                .map(this::figure).toList();
        assertThat(published).extracting(IndicatorRecorded::indicator, IndicatorRecorded::period,
                        f -> f.value().stripTrailingZeros().toPlainString(), IndicatorRecorded::version,
                        IndicatorRecorded::recordedBy)
                .containsExactlyInAnyOrder(
                        tuple("vt-reports", "2069", "12", 1, "coordinator-groningen"),
                        tuple("vt-reports", "2069", "1204", 1, "coordinator-groningen"),
                        tuple("vt-repeat-reports", "2069", "8.25", 1, "coordinator-groningen"),
                        tuple("vt-repeat-reports", "2069", "14.5", 1, "coordinator-groningen"),
                        tuple("vt-reports", "2069-Q2", "300", 1, "coordinator-groningen"));
        assertThat(published).filteredOn(f -> f.value().compareTo(new BigDecimal("12")) == 0).singleElement()
                .satisfies(f -> assertThat(f.breakdown()).containsExactlyInAnyOrderEntriesOf(
                        Map.of("abuse-type", "sexual-abuse", "reporter", "citizen")));
        assertThat(audit.await(r -> r.value().contains("indicator-figure.recorded")
                && r.value().contains(PERIOD_2069), 5, DEADLINE)).hasSize(5);

        // The region corrects one figure: the same workbook with 13 instead of 12 stores that one as version 2.
        rows[1] = row("vt-reports", "2069", "regio", "Groningen", "sexual-abuse", "citizen", 13);
        importWorkbook(coordinator, workbook(rows)).statusCode(200)
                .body("figures", equalTo(5)).body("stored", equalTo(1)).body("unchanged", equalTo(4));
        given().auth().oauth2(coordinator).get("/api/indicator-figures?indicator=vt-reports&period=2069").then()
                .statusCode(200)
                .body("find { it.breakdown.reporter == 'citizen' }.value", equalTo(13))
                .body("find { it.breakdown.reporter == 'citizen' }.version", equalTo(2))
                .body("find { it.value == 1204 }.version", equalTo(1));
        ConsumerRecord<String, String> correction = figures.await(r -> r.value().contains(PERIOD_2069)
                && r.value().contains("\"version\":2"), 1, DEADLINE).get(0);
        CloudEvent<IndicatorRecorded> event = codec.decode(correction.value(), EventType.INDICATOR_RECORDED);
        assertThat(event.data().value()).isEqualByComparingTo("13");
        assertThat(correction.key()).isEqualTo("region:Groningen");
    }

    @Test
    void a_workbook_with_bad_rows_names_every_bad_cell_by_its_excel_reference_and_stores_none_of_them() {
        byte[] bad = workbook(
                HEADER,
                row("vt-reports", 2070, "regio", "Groningen", null, null, 10),                 // good, not stored
                row("bullying", 2070, "regio", "Groningen", null, null, 3),                    // A3
                row("vt-reports", 2070, "regio", "Groningen", null, null, "twaalf"),           // G4
                row("vt-reports", "2070-Q9", "regio", "Groningen", "beating", null, 4),        // B5, E5
                row("vt-reports", 2070, "provincie", "Groningen", null, null, 4),              // C6
                row("vt-reports", 2070, "regio", "Groningen", null, null, new Formula("2*5")), // G7
                row("vt-reports", 2070, "regio", "Groningen", null, "citizen",
                        new ErrorValue(FormulaError.DIV0)),                                    // G8
                row("vt-reports", 2070.5, "regio", "Groningen", null, null, 4));               // B9

        importWorkbook(TestTokens.coordinator("Groningen"), bad).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("A3", "G4", "B5", "E5", "C6", "G7", "G8", "B9"))
                .body("errors.find { it.field == 'A3' }.code", equalTo("unknown-indicator"))
                .body("errors.find { it.field == 'G4' }.message", containsString("'twaalf' is not a number"))
                .body("errors.find { it.field == 'G7' }.code", equalTo("formula"))
                .body("errors.find { it.field == 'G7' }.message", containsString("=2*5"))
                .body("errors.find { it.field == 'G8' }.message", containsString("#DIV/0!"))
                .body("detail", containsString("nothing was stored"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2070").then().statusCode(200)
                .body("", empty());

        // a header it does not know is named at its cell, as in a CSV
        importWorkbook(TestTokens.coordinator("Groningen"), workbook(
                row("indicator", "periode", "gebied", "kleur"), row("vt-reports", 2070, "Groningen", "rood")))
                .statusCode(422).body("errors.field", containsInAnyOrder("D1", "header", "header"));
    }

    @Test
    void a_coordinators_workbook_with_a_row_of_another_region_is_refused_whole_naming_its_cell() {
        importWorkbook(TestTokens.coordinator("Groningen"), workbook(
                row("indicator", "period", "level", "area", "value"),
                row("vt-reports", 2075, "REGION", "Groningen", 10),
                row("vt-reports", 2075, "REGION", "Drenthe", 11)))
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("D3"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2075").then().statusCode(200)
                .body("", empty());
    }

    @Test
    void a_body_that_is_no_workbook_is_refused_saying_what_it_is() {
        String coordinator = TestTokens.coordinator("Groningen");
        importWorkbook(coordinator, "indicator;periode;niveau;gebied;waarde\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].code", equalTo("invalid-format"))
                .body("errors[0].message", containsString("not an Excel workbook (.xlsx)"));
        byte[] ole2 = Arrays.copyOf(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1}, 4096);
        importWorkbook(coordinator, ole2).statusCode(422)
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("(.xls)"));
        importWorkbook(coordinator, zip(Map.of("foto.txt", "geen werkmap".getBytes(StandardCharsets.UTF_8))))
                .statusCode(422).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("not readable as an Excel workbook"));
    }

    @Test
    void a_workbook_over_the_size_limit_or_unpacking_past_its_limits_is_refused_with_413_and_nothing_stored()
            throws IOException {
        String coordinator = TestTokens.coordinator("Groningen");
        // over the 16 MiB the import takes, as a CSV over it: answered from the Content-Length, before the body
        String answer = headersOnly(coordinator, 16 * 1024 * 1024 + 1);
        // (the import's limit is the server's ceiling, quarkus.http.limits.max-body-size: Quarkus answers it, bare)
        assertThat(answer).as(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close");

        // a zip bomb: a sheet of a real figure and 20 MiB of blanks, some 20 KB packed
        String sheet = sheetXml("<row r=\"1\">" + inline("A1", "indicator") + inline("B1", "periode")
                + inline("C1", "niveau") + inline("D1", "gebied") + inline("E1", "waarde") + "</row>"
                + "<row r=\"2\">" + inline("A2", "vt-reports") + inline("B2", "2074") + inline("C2", "regio")
                + inline("D2", "Groningen") + "<c r=\"E2\"><v>7</v></c></row>" + " ".repeat(20 * 1024 * 1024));
        byte[] bomb = minimalWorkbook(sheet, Map.of());
        assertThat(bomb.length).isLessThan(1024 * 1024);
        importWorkbook(coordinator, bomb).statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].code", equalTo("too-large"))
                .body("errors[0].message", containsString("unpacks to more than 16 MiB"));

        // parts each under the limit, together over 64 MiB
        Map<String, byte[]> padding = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            padding.put("xl/media/image" + i + ".bin", new byte[15 * 1024 * 1024]);
        }
        importWorkbook(coordinator, minimalWorkbook(sheetXml("<row r=\"1\">" + inline("A1", "indicator") + "</row>"),
                padding)).statusCode(413).body("errors[0].message", containsString("unpacks to more than 64 MiB"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2074").then().statusCode(200)
                .body("", empty());
    }

    @Test
    void an_external_entity_in_a_sheet_is_not_expanded() throws IOException {
        Path secret = Files.createTempFile("xxe", ".txt");
        Files.writeString(secret, "XXE-SECRET-4711");
        try {
            String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                    + sheetXml("<row r=\"1\">" + inline("A1", "indicator") + inline("B1", "periode")
                    + inline("C1", "niveau") + inline("D1", "gebied") + inline("E1", "waarde") + "</row>"
                    + "<row r=\"2\">" + inline("A2", "&xxe;") + inline("B2", "2074") + inline("C2", "regio")
                    + inline("D2", "Groningen") + "<c r=\"E2\"><v>7</v></c></row>").replace(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n", "");
            String answer = importWorkbook(TestTokens.coordinator("Groningen"), minimalWorkbook(sheet, Map.of()))
                    .statusCode(422).body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", containsString("entity")).extract().asString();
            assertThat(answer).doesNotContain("XXE-SECRET-4711");
            given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2074").then()
                    .statusCode(200).body("", empty());
        } finally {
            Files.delete(secret);
        }
    }

    /** Sends a POST of a workbook's headers with this Content-Length and none of its body; the answer as text. */
    private String headersOnly(String token, long contentLength) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            socket.getOutputStream().write(("POST /api/indicator-figures/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: " + XLSX + "\r\nContent-Length: "
                    + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] head = new byte[4096];
            int read = socket.getInputStream().read(head);
            return read < 0 ? "" : new String(head, 0, read, StandardCharsets.UTF_8);
        }
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static String sheetXml(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + rows + "</sheetData></worksheet>";
    }

    /** The fewest parts a reader needs: content types, the workbook, its relations and one sheet; and more parts. */
    private static byte[] minimalWorkbook(String sheet, Map<String, byte[]> more) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" "
                + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.worksheet+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Cijfers\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
                .getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        parts.put("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        parts.putAll(more);
        return zip(parts);
    }

    private static byte[] zip(Map<String, byte[]> parts) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
