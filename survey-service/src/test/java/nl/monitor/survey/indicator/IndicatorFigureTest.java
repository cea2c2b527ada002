package nl.monitor.survey.indicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Recording indicator figures (issue 28): checked against the definitions and the period's division, stored as
 * versions, published as indicator-recorded with its audit entry, and only by who may record the area. The periods
 * 2061-2063 are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class IndicatorFigureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();
    private TopicReader figures;
    private TopicReader audit;

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

    private static ValidatableResponse record(String token, Map<String, Object> figure) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(figure)
                .post("/api/indicator-figures").then();
    }

    private static Map<String, Object> regionReports(String period, Object value) {
        return Map.of("indicator", "vt-reports", "period", period, "level", "REGION", "area", "Groningen",
                "breakdown", Map.of("abuse-type", "sexual-abuse", "reporter", "citizen"), "value", value);
    }

    @Test
    void a_coordinator_records_the_regions_veilig_thuis_figure_published_and_audited_and_corrects_it_as_a_new_version() {
        String coordinator = TestTokens.coordinator("Groningen");
        String id = record(coordinator, regionReports("2061-Q2", 37)).statusCode(201)
                .body("version", equalTo(1)).body("value", equalTo(37)).body("level", equalTo("REGION"))
                .extract().path("figureId");

        ConsumerRecord<String, String> published = figures.await(r -> r.value().contains(id), 1, DEADLINE).get(0);
        CloudEvent<IndicatorRecorded> event = codec.decode(published.value(), EventType.INDICATOR_RECORDED);
        assertThat(published.key()).isEqualTo("region:Groningen").isEqualTo(event.subject());
        assertThat(event.data().indicator()).isEqualTo("vt-reports");
        assertThat(event.data().breakdown()).containsEntry("abuse-type", "sexual-abuse")
                .containsEntry("reporter", "citizen");
        assertThat(event.data().value()).isEqualByComparingTo(new BigDecimal("37"));
        CloudEvent<AuditRecorded> audited = codec.decode(audit.await(
                r -> r.value().contains("indicator-figure/" + id), 1, DEADLINE).get(0).value(), EventType.AUDIT_RECORDED);
        AuditRecorded entry = audited.data();
        assertThat(entry.action()).isEqualTo("indicator-figure.recorded");
        assertThat(entry.actor()).isEqualTo("coordinator-groningen");
        assertThat(entry.details()).containsEntry("indicator", "vt-reports").containsEntry("area", "Groningen")
                .containsEntry("breakdown", "abuse-type=sexual-abuse;reporter=citizen").containsEntry("value", "37");

        // the same value again stores nothing; another value is the correction, version 2
        record(coordinator, regionReports("2061-Q2", 37.0)).statusCode(200).body("figureId", equalTo(id));
        record(coordinator, regionReports("2061-Q2", 41)).statusCode(201).body("version", equalTo(2));
        given().auth().oauth2(coordinator).get("/api/indicator-figures?indicator=vt-reports&period=2061-Q2").then()
                .statusCode(200).body("", hasSize(1)).body("[0].value", equalTo(41)).body("[0].version", equalTo(2));
        assertThat(figures.await(r -> r.key().equals("region:Groningen") && r.value().contains("2061-Q2"), 2, DEADLINE))
                .hasSize(2);
    }

    @Test
    void every_bad_field_is_named_and_nothing_is_stored() {
        record(TestTokens.admin(), Map.of("indicator", "vt-reports", "period", "2062-Q9", "level", "MUNICIPALITY",
                "area", "Groningen", "breakdown", Map.of("abuse-type", "bullying", "sector", "education"),
                "value", 12.5)).statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("period", "area", "breakdown.abuse-type", "value"))
                .body("errors.code", containsInAnyOrder("invalid-format", "invalid-format", "unknown-option",
                        "out-of-range"));
        record(TestTokens.admin(), Map.of("indicator", "no-such-indicator", "period", "2062", "level", "NATIONAL",
                "area", "NL", "value", 1)).statusCode(422).body("errors[0].field", equalTo("indicator"))
                .body("errors[0].code", equalTo("unknown-indicator"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2062-Q9").then()
                .statusCode(200).body("", empty());
    }

    @Test
    void the_area_is_one_of_the_periods_division() {
        // Bellingwedde (GM0007) was a municipality until 2018, Westerwolde (GM1950) since
        record(TestTokens.admin(), Map.of("indicator", "families-in-poverty", "period", "2017", "level",
                "MUNICIPALITY", "area", "GM0007", "value", 9.1)).statusCode(201);
        record(TestTokens.admin(), Map.of("indicator", "families-in-poverty", "period", "2017", "level",
                "MUNICIPALITY", "area", "GM1950", "value", 9.1)).statusCode(422)
                .body("errors[0].field", equalTo("area")).body("errors[0].code", equalTo("unknown-municipality"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("2017 division"));
        record(TestTokens.admin(), Map.of("indicator", "vt-reports", "period", "2063", "level", "REGION",
                "area", "Atlantis", "value", 3)).statusCode(422).body("errors[0].code", equalTo("unknown-region"));
    }

    @Test
    void a_coordinator_cannot_record_another_regions_figures_nor_a_respondent_another_municipalitys_or_the_nations() {
        record(TestTokens.coordinator("Drenthe"), regionReports("2063-Q1", 5)).statusCode(403);
        record(TestTokens.coordinator("Drenthe"), Map.of("indicator", "vt-reports", "period", "2063", "level",
                "MUNICIPALITY", "area", "GM0014", "value", 3)).statusCode(403);
        record(TestTokens.respondent("GM0034"), Map.of("indicator", "families-in-poverty", "period", "2063",
                "level", "MUNICIPALITY", "area", "GM0014", "value", 7)).statusCode(403);
        record(TestTokens.respondent("GM0014"), Map.of("indicator", "interventions-proven-effective", "period",
                "2063", "level", "NATIONAL", "area", "NL", "value", 40)).statusCode(403);
        record(TestTokens.analyst(), regionReports("2063-Q1", 5)).statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2063-Q1").then()
                .statusCode(200).body("", empty());

        // what each may record: its own municipality; the coordinator the region and the municipalities in it
        record(TestTokens.respondent("GM0014"), Map.of("indicator", "families-in-poverty", "period", "2063",
                "level", "MUNICIPALITY", "area", "GM0014", "value", 7.25)).statusCode(201);
        record(TestTokens.coordinator("Groningen"), Map.of("indicator", "vt-reports", "period", "2063", "level",
                "MUNICIPALITY", "area", "GM0014", "value", 3)).statusCode(201);
        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/indicator-figures?period=2063").then()
                .statusCode(200).body("indicator", containsInAnyOrder("families-in-poverty", "vt-reports"));
        given().auth().oauth2(TestTokens.coordinator("Drenthe")).get("/api/indicator-figures?period=2063").then()
                .statusCode(200).body("", empty());
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/indicator-figures?period=2063").then()
                .statusCode(200).body("area", hasItem("GM0014"));
    }

    @Test
    void the_definitions_are_served_with_their_themes_and_targets() {
        // version 2: this module's test resources add one (IndicatorAddedByDataFileTest)
        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/indicators").then().statusCode(200)
                .body("version", equalTo(2)).body("themes", hasSize(10))
                .body("themes.find { it.number == 3 }.target",
                        equalTo("Minder mishandeling als gevolg van beter melden en meer sectoren onder Wet meldcode"))
                .body("indicators.find { it.id == 'vt-reports' }.breakdowns",
                        containsInAnyOrder("reporter", "sector", "abuse-type"));
    }

    private static ValidatableResponse importTable(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/indicator-figures/import").then();
    }

    @Test
    void a_regions_table_in_the_dutch_dialect_is_imported_whole_and_again_changes_nothing() {
        String csv = "\uFEFFindicator;periode;niveau;gebied;abuse-type;reporter;waarde\r\n"
                + "vt-reports;2064;regio;Groningen;sexual-abuse;citizen;12\r\n"
                + "vt-reports;2064;regio;Groningen;;;1.204\r\n"
                + "\r\n"
                + "vt-repeat-reports;2064;gemeente;GM0014;physical-abuse;;8,25\r\n";
        importTable(TestTokens.coordinator("Groningen"), csv).statusCode(200)
                .body("figures", equalTo(3)).body("stored", equalTo(3)).body("unchanged", equalTo(0));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2064").then().statusCode(200)
                .body("value", containsInAnyOrder(12, 1204, 8.25f))
                .body("find { it.indicator == 'vt-repeat-reports' }.breakdown.abuse-type", equalTo("physical-abuse"));
        importTable(TestTokens.coordinator("Groningen"), csv).statusCode(200)
                .body("stored", equalTo(0)).body("unchanged", equalTo(3));
    }

    @Test
    void an_import_with_bad_rows_names_every_bad_cell_and_stores_none_of_them() {
        String csv = "indicator;periode;niveau;gebied;abuse-type;waarde\n"
                + "vt-reports;2065;regio;Groningen;;10\n"               // good, yet not stored
                + "bullying;2065;regio;Groningen;;3\n"                  // A3 unknown indicator
                + "vt-reports;2065;regio;Groningen;;twaalf\n"           // F4 not a number
                + "vt-reports;2065-Q9;regio;Groningen;beating;4\n"      // B5 period, E5 abuse type
                + "vt-reports;2065;provincie;Groningen;;4\n";           // C6 level
        importTable(TestTokens.coordinator("Groningen"), csv).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("A3", "F4", "B5", "E5", "C6"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2065").then().statusCode(200)
                .body("", empty());
        importTable(TestTokens.coordinator("Groningen"), "indicator;periode;gebied;kleur\nvt-reports;2065;x;y\n")
                .statusCode(422).body("errors.field", containsInAnyOrder("D1", "header", "header"));
    }

    @Test
    void a_coordinators_import_with_a_row_of_another_region_is_refused_whole() {
        String csv = "indicator,period,level,area,value\n"
                + "vt-reports,2066,REGION,Groningen,10\n"
                + "vt-reports,2066,REGION,Drenthe,11\n";
        importTable(TestTokens.coordinator("Groningen"), csv).statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("D3"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/indicator-figures?period=2066").then().statusCode(200)
                .body("", empty());
    }
}
