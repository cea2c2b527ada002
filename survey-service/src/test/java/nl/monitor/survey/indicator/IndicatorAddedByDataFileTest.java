package nl.monitor.survey.indicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * An indicator added by a data file alone (issue 28): this module's test resources hold
 * {@code nl/monitor/domain/indicators-v2.yaml}, which extends the shipped set and adds {@code test-helpline-calls};
 * with no code of its own it is served, recorded, imported and published like the shipped ones. The periods 2080-2081
 * are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class IndicatorAddedByDataFileTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ADDED = "test-helpline-calls";

    @Test
    void the_added_indicator_is_served_recorded_imported_and_published_against_version_2() {
        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/indicators").then().statusCode(200)
                .body("version", equalTo(2))
                .body("indicators.find { it.id == '" + ADDED + "' }.title",
                        equalTo("Aantal gesprekken met de testhulplijn (testgegeven)"))
                .body("indicators.find { it.id == 'vt-reports' }.unit", equalTo("COUNT"));

        try (TopicReader figures = new TopicReader(EventType.INDICATOR_RECORDED.topic())) {
            String coordinator = TestTokens.coordinator("Groningen");
            given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body(Map.of("indicator", ADDED, "period", "2080", "level", "REGION", "area", "Groningen",
                            "breakdown", Map.of("abuse-type", "emotional-neglect"), "value", 212))
                    .post("/api/indicator-figures").then().statusCode(201).body("version", equalTo(1));
            given().auth().oauth2(coordinator).contentType("text/csv; charset=UTF-8")
                    .body("indicator;periode;niveau;gebied;abuse-type;waarde\r\n"
                            + ADDED + ";2081;regio;Groningen;;1.530\r\n"
                            + ADDED + ";2081;gemeente;GM0014;sexual-abuse;41\r\n")
                    .post("/api/indicator-figures/import").then().statusCode(200).body("stored", equalTo(2));
            // and it is checked as strictly as the shipped ones: its breakdown has no "sector"
            given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body(Map.of("indicator", ADDED, "period", "2080", "level", "REGION", "area", "Groningen",
                            "breakdown", Map.of("sector", "education"), "value", 3))
                    .post("/api/indicator-figures").then().statusCode(422)
                    .body("errors.field", containsInAnyOrder("breakdown.sector"));

            EventCodec codec = new EventCodec();
            List<IndicatorRecorded> published = figures.await(r -> r.value().contains(ADDED), 3, DEADLINE).stream()
                    .map(r -> codec.<IndicatorRecorded>decode(r.value(), EventType.INDICATOR_RECORDED).data()).toList();
            assertThat(published).extracting(IndicatorRecorded::indicatorSetVersion).containsOnly(2);
            assertThat(published).extracting(IndicatorRecorded::area)
                    .containsExactlyInAnyOrder("Groningen", "Groningen", "GM0014");
            assertThat(published).extracting(IndicatorRecorded::value).usingElementComparator(BigDecimal::compareTo)
                    .containsExactlyInAnyOrder(new BigDecimal("212"), new BigDecimal("1530"), new BigDecimal("41"));
        }
    }
}
