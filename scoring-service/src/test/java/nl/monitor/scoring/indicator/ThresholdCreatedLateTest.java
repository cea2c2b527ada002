package nl.monitor.scoring.indicator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A threshold made after figures were recorded evaluates them in the transaction that makes it: per area of its region
 * and kind of period the latest period's figure (its latest version), so an area already past it alerts at once, with
 * the crossing the figure would have made; the state it leaves is the one later figures are held against. Region
 * Zeeland, indicator vt-reports-followed-by-investigation and periods 2071-2073 are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ThresholdCreatedLateTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String INDICATOR = "vt-reports-followed-by-investigation";
    private final EventCodec codec = new EventCodec();
    private TopicReader crossed;

    @Inject
    RecordedFigureRepository figures;

    @BeforeEach
    void readTopic() {
        crossed = new TopicReader(EventType.THRESHOLD_CROSSED.topic());
    }

    @AfterEach
    void closeReader() {
        crossed.close();
    }

    private CloudEvent<IndicatorRecorded> record(AreaLevel level, String area, String period, String value,
                                                 int version) {
        IndicatorRecorded figure = new IndicatorRecorded(UUID.randomUUID(), INDICATOR, 1, period, level, area,
                Map.of(), new BigDecimal(value), version, Instant.now(), "coordinator-zeeland");
        CloudEvent<IndicatorRecorded> event = CloudEvent.of(EventType.INDICATOR_RECORDED, "/survey-service",
                figure.key(), figure);
        EventPublisher.shared().send(EventType.INDICATOR_RECORDED.topic(), event.subject(), codec.encode(event));
        return event;
    }

    /** Waits (up to the deadline) until the consumer has kept what the test recorded. */
    private void awaitKept(long rows, String area, int version) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            boolean kept = QuarkusTransaction.requiringNew().call(() ->
                    figures.count("indicator = ?1", INDICATOR) == rows
                            && figures.count("indicator = ?1 and areaKey = ?2 and version = ?3", INDICATOR, area,
                            version) == 1);
            if (kept) {
                return;
            }
            assertThat(System.nanoTime()).as("figures kept within " + DEADLINE).isLessThan(end);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    @Test
    void a_threshold_made_after_the_figures_alerts_at_once_for_the_areas_past_it() {
        record(AreaLevel.REGION, "Zeeland", "2071", "45", 1);
        CloudEvent<IndicatorRecorded> latest = record(AreaLevel.REGION, "Zeeland", "2072", "30", 1); // latest: below
        record(AreaLevel.REGION, "Zeeland", "2072-Q1", "50", 1);                 // its quarters: above, quiet
        record(AreaLevel.MUNICIPALITY, "GM0654", "2072", "35", 1);
        CloudEvent<IndicatorRecorded> corrected = record(AreaLevel.MUNICIPALITY, "GM0654", "2072", "38", 2);
        record(AreaLevel.MUNICIPALITY, "GM0664", "2072", "60", 1);               // above: quiet
        record(AreaLevel.REGION, "Drenthe", "2072", "5", 1);                     // another region: not watched
        record(AreaLevel.NATIONAL, "NL", "2072", "5", 1);                        // the nation: neither kept nor watched
        awaitKept(6, "GM0654", 2);

        String id = given().auth().oauth2(TestTokens.coordinator("Zeeland")).contentType(ContentType.JSON)
                .body(Map.of("region", "Zeeland", "indicator", INDICATOR, "value", 40, "alertWhen", "BELOW"))
                .post("/api/indicator-thresholds").then().statusCode(201).extract().path("id");

        List<ThresholdCrossed> atOnce = crossingsOf(id, 2);
        assertThat(atOnce).extracting(c -> c.indicator().area() + " " + c.indicator().period() + " "
                        + c.indicator().value() + " v" + c.indicator().figureVersion() + " " + c.direction() + " "
                        + c.firing())
                .containsExactlyInAnyOrder("Zeeland 2072 30 v1 DOWN true", "GM0654 2072 38 v2 DOWN true");
        ThresholdCrossed region = atOnce.stream().filter(c -> c.municipality() == null).findFirst().orElseThrow();
        assertThat(region.indicator().indicatorEventId()).isEqualTo(latest.id());
        assertThat(region.indicator().previousValue()).isNull();
        assertThat(region.region()).isEqualTo("Zeeland");
        ThresholdCrossed municipal = atOnce.stream().filter(c -> c.municipality() != null).findFirst().orElseThrow();
        assertThat(municipal.indicator().figureId()).isEqualTo(corrected.data().figureId());

        // the state it left is what the next figure is held against: back above 40 resolves
        record(AreaLevel.REGION, "Zeeland", "2073", "45", 1);
        List<ThresholdCrossed> all = crossingsOf(id, 3);
        assertThat(all).hasSize(3);
        ThresholdCrossed resolved = all.get(2);
        assertThat(resolved.firing()).isFalse();
        assertThat(resolved.indicator().period()).isEqualTo("2073");
        assertThat(resolved.indicator().previousValue()).isEqualByComparingTo("30");
        assertThat(resolved.indicator().previousPeriod()).isEqualTo("2072");
    }

    private List<ThresholdCrossed> crossingsOf(String thresholdId, int count) {
        return crossed.await(r -> r.value().contains(thresholdId), count, DEADLINE).stream()
                .map(r -> codec.<ThresholdCrossed>decode(r.value(), EventType.THRESHOLD_CROSSED).data()).toList();
    }
}
