package nl.monitor.reporting.indicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The indicators' read side: indicator-recorded events kept at their highest version (a late older correction or a
 * redelivery changes nothing) and served as a trend of the nation, a region and its municipalities per period, with
 * small counts suppressed for whoever should not see them. The periods 2071-2073 are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class IndicatorTrendTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();

    private static CloudEvent<IndicatorRecorded> publish(String indicator, String period, AreaLevel level, String area,
                                                         Map<String, String> breakdown, String value, int version) {
        return publish(1, indicator, period, level, area, breakdown, value, version);
    }

    private static CloudEvent<IndicatorRecorded> publish(int setVersion, String indicator, String period,
                                                         AreaLevel level, String area, Map<String, String> breakdown,
                                                         String value, int version) {
        IndicatorRecorded figure = new IndicatorRecorded(UUID.randomUUID(), indicator, setVersion, period, level, area,
                breakdown, new BigDecimal(value), version, Instant.now(), "test");
        CloudEvent<IndicatorRecorded> event = CloudEvent.of(EventType.INDICATOR_RECORDED, "/survey-service",
                figure.key(), figure);
        EventPublisher.shared().send(EventType.INDICATOR_RECORDED.topic(), event.subject(), CODEC.encode(event));
        return event;
    }

    private static String trend(String token, String indicator, String query) {
        return given().auth().oauth2(token).get("/api/indicators/" + indicator + "/trend" + query).then()
                .statusCode(200).extract().asString();
    }

    @Test
    void the_region_against_the_nation_per_period_with_its_municipalities_at_their_latest_version() {
        Map<String, String> none = Map.of();
        publish("vt-repeat-reports", "2071", AreaLevel.NATIONAL, "NL", none, "11.5", 1);
        publish("vt-repeat-reports", "2071", AreaLevel.REGION, "Groningen", none, "14", 1);
        publish("vt-repeat-reports", "2071", AreaLevel.REGION, "Groningen", none, "13.2", 3);
        publish("vt-repeat-reports", "2071", AreaLevel.REGION, "Groningen", none, "99", 2); // late, older
        publish("vt-repeat-reports", "2071", AreaLevel.MUNICIPALITY, "GM0014", none, "12.75", 1);
        publish("vt-repeat-reports", "2072", AreaLevel.NATIONAL, "NL", none, "10", 1);
        publish("vt-repeat-reports", "2072", AreaLevel.MUNICIPALITY, "GM0362", none, "4", 1); // Amstelveen: other region

        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/indicators/vt-repeat-reports/trend?region=Groningen").then().statusCode(200)
                .body("periods.period", contains("2071", "2072"))
                .body("periods[0].region.value", equalTo(13.2f))
                .body("periods[0].national.value", equalTo(11.5f))
                .body("periods[0].municipalities.code", contains("GM0014"))
                .body("periods[0].municipalities[0].name", equalTo("Groningen"))
                .body("periods[0].municipalities[0].value", equalTo(12.75f))
                .body("periods[1].national.value", equalTo(10))
                .body("periods[1].region", nullValue())
                .body("periods[1].municipalities", org.hamcrest.Matchers.empty())
                .body("indicator.better", equalTo("LOWER"))
                .body("theme.title", equalTo("Interventies")));
    }

    @Test
    void small_counts_are_suppressed_for_analysts_and_other_respondents_but_not_for_the_regions_coordinator()
            throws java.io.IOException {
        Map<String, String> sexualAbuse = Map.of("abuse-type", "sexual-abuse");
        publish("vt-reports", "2073", AreaLevel.NATIONAL, "NL", sexualAbuse, "3", 1);
        publish("vt-reports", "2073", AreaLevel.REGION, "Groningen", sexualAbuse, "4", 1);
        publish("vt-reports", "2073", AreaLevel.MUNICIPALITY, "GM0014", sexualAbuse, "2", 1);
        publish("vt-reports", "2073", AreaLevel.MUNICIPALITY, "GM0034", sexualAbuse, "0", 1); // Almere: Flevoland
        publish("vt-reports", "2073", AreaLevel.MUNICIPALITY, "GM0037", sexualAbuse, "25", 1); // Stadskanaal
        String query = "?region=Groningen&breakdown=abuse-type:sexual-abuse";

        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/indicators/vt-reports/trend" + query).then().statusCode(200)
                .body("periods.find { it.period == '2073' }.municipalities.value", contains(2, 25))
                .body("periods.find { it.period == '2073' }.region.value", equalTo(4)));

        io.restassured.path.json.JsonPath analyst = io.restassured.path.json.JsonPath.from(
                trend(TestTokens.analyst(), "vt-reports", query));
        assertPeriod(analyst, "region.suppressed", true);
        assertPeriod(analyst, "region.value", null);
        assertPeriod(analyst, "national.value", 3);
        assertPeriod(analyst, "municipalities.suppressed", List.of(true, false));
        assertPeriod(analyst, "municipalities.value", java.util.Arrays.asList(null, 25));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicators/vt-reports/trend" + query).then()
                .body("minimumCount", equalTo(10));
        // the exports withhold what the JSON withholds: Dutch CSV, one row per figure
        String csv = given().auth().oauth2(TestTokens.analyst())
                .get("/api/indicators/vt-reports/trend" + query + "&format=csv&dialect=nl").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("\uFEFFindicator;title;unit;breakdown;period;level;area;name;value;suppressed")
                .contains("vt-reports;Aantal meldingen bij Veilig Thuis;COUNT;abuse-type=sexual-abuse;2073;NATIONAL;NL;Nederland;3;false")
                .contains(";2073;REGION;Groningen;Groningen;;true")
                .contains(";2073;MUNICIPALITY;GM0014;Groningen;;true")
                .contains(";2073;MUNICIPALITY;GM0037;Stadskanaal;25;false");
        byte[] xlsx = given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/indicators/vt-reports/trend" + query + "&format=xlsx").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("indicator-vt-reports.xlsx"))
                .extract().asByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            List<Double> municipal = new java.util.ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(4).getStringCellValue().equals("2073")
                        && row.getCell(5).getStringCellValue().equals("MUNICIPALITY")) {
                    municipal.add(row.getCell(8).getNumericCellValue());
                }
            }
            assertThat(municipal).as("the coordinator sees the region's small counts").containsExactly(2.0, 25.0);
        }

        given().auth().oauth2(TestTokens.coordinator("Drenthe")).get("/api/indicators/vt-reports/trend" + query)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/indicators/vt-reports/trend" + query)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0014"))
                .get("/api/indicators/vt-reports/trend?breakdown=abuse-type:sexual-abuse").then().statusCode(200)
                .body("periods.find { it.period == '2073' }.national.value", equalTo(3));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicators/vt-reports/trend?breakdown=colour:red")
                .then().statusCode(422).body("errors[0].field", equalTo("breakdown.colour"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicators/no-such/trend").then().statusCode(404);
    }

    /**
     * Folding through mergers: Bellingwedde (GM0007, 8,971 inhabitants on 1 January 2016) and Vlagtwedde (GM0048,
     * 16,422) became Westerwolde (GM1950) in 2018. With fold=true the periods of the 2017 division show Westerwolde:
     * counts summed only when both predecessors have one, percentages population-weighted, a folded count withheld
     * from an analyst when a count in it is small. The periods 2016-2018 and 2022 of these breakdowns are this test's.
     */
    @Test
    void with_fold_the_earlier_divisions_figures_are_folded_onto_the_latest_ones_municipalities() {
        Map<String, String> citizens = Map.of("reporter", "citizen");
        publish("vt-reports", "2016", AreaLevel.MUNICIPALITY, "GM0007", citizens, "12", 1); // Vlagtwedde has none
        publish("vt-reports", "2017", AreaLevel.MUNICIPALITY, "GM0007", citizens, "20", 1);
        publish("vt-reports", "2017", AreaLevel.MUNICIPALITY, "GM0048", citizens, "30", 1);
        // Groningen (GM0014) took in Haren and Ten Boer in 2019: its count of 2017 alone folds into nothing
        publish("vt-reports", "2017", AreaLevel.MUNICIPALITY, "GM0014", citizens, "100", 1);
        publish("vt-reports", "2017", AreaLevel.MUNICIPALITY, "GM0037", citizens, "60", 1); // Stadskanaal: unchanged
        publish("vt-reports", "2018", AreaLevel.MUNICIPALITY, "GM0007", citizens, "4", 1);
        publish("vt-reports", "2018", AreaLevel.MUNICIPALITY, "GM0048", citizens, "40", 1);
        publish("vt-reports", "2022", AreaLevel.MUNICIPALITY, "GM1950", citizens, "45", 1);
        String counts = "/api/indicators/vt-reports/trend?region=Groningen&breakdown=reporter:citizen";

        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get(counts + "&fold=true").then().statusCode(200)
                .body("foldedOntoDivision", equalTo(2021))
                .body("periods.period", contains("2016", "2017", "2018", "2022"))
                .body("periods[0].municipalities", org.hamcrest.Matchers.empty())
                .body("periods[1].municipalities.code", contains("GM0037", "GM1950"))
                .body("periods[1].municipalities.value", contains(60, 50))
                .body("periods[1].municipalities[1].name", equalTo("Westerwolde"))
                .body("periods[1].municipalities[1].foldedFrom", contains("GM0007", "GM0048"))
                .body("periods[1].municipalities[0].foldedFrom", nullValue())
                .body("periods[2].municipalities.value", contains(44))
                .body("periods[3].municipalities.value", contains(45)));
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get(counts).then().statusCode(200)
                .body("foldedOntoDivision", nullValue())
                .body("periods[1].municipalities.code", contains("GM0007", "GM0014", "GM0037", "GM0048"));
        given().auth().oauth2(TestTokens.analyst()).get(counts + "&fold=true").then().statusCode(200)
                .body("periods[2].municipalities[0].suppressed", equalTo(true))
                .body("periods[2].municipalities[0].value", nullValue())
                .body("periods[1].municipalities.value", contains(60, 50));

        Map<String, String> physical = Map.of("abuse-type", "physical-abuse");
        publish("vt-repeat-reports", "2017", AreaLevel.MUNICIPALITY, "GM0007", physical, "10", 1);
        publish("vt-repeat-reports", "2017", AreaLevel.MUNICIPALITY, "GM0048", physical, "20", 1);
        publish("vt-repeat-reports", "2022", AreaLevel.MUNICIPALITY, "GM1950", physical, "15.5", 1);
        // (10 × 8,971 + 20 × 16,422) / 25,393 = 16.467…: the weighted mean, not the plain 15
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.analyst())
                .get("/api/indicators/vt-repeat-reports/trend?region=Groningen&breakdown=abuse-type:physical-abuse"
                        + "&fold=true").then().statusCode(200)
                .body("periods.period", contains("2017", "2022"))
                .body("periods[0].municipalities.value", contains(16.47f))
                .body("periods[1].municipalities.value", contains(15.5f)));
    }

    /**
     * An indicator added by a data file alone (issue 28): this module's test resources hold
     * {@code nl/monitor/domain/indicators-v2.yaml}, which extends the shipped set with {@code test-helpline-calls};
     * with no code of its own its figures are projected and reported. Period 2080 is this test's own.
     */
    @Test
    void an_indicator_added_by_a_data_file_alone_is_projected_and_reported() {
        Map<String, String> neglect = Map.of("abuse-type", "emotional-neglect");
        publish(2, "test-helpline-calls", "2080", AreaLevel.REGION, "Groningen", neglect, "212", 1);
        publish(2, "test-helpline-calls", "2080", AreaLevel.MUNICIPALITY, "GM0014", neglect, "41", 1);

        String query = "?region=Groningen&breakdown=abuse-type:emotional-neglect";
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/indicators/test-helpline-calls/trend" + query).then().statusCode(200)
                .body("indicator.title", equalTo("Aantal gesprekken met de testhulplijn (testgegeven)"))
                .body("theme.number", equalTo(1))
                .body("periods.find { it.period == '2080' }.region.value", equalTo(212))
                .body("periods.find { it.period == '2080' }.municipalities.value", contains(41)));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicators").then().statusCode(200)
                .body("indicators.id", org.hamcrest.Matchers.hasItem("test-helpline-calls"));
    }

    private static void assertPeriod(io.restassured.path.json.JsonPath trend, String path, Object expected) {
        org.assertj.core.api.Assertions.assertThat((Object) trend.get("periods.find { it.period == '2073' }." + path))
                .as(path).isEqualTo(expected);
    }
}
