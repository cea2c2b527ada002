package nl.monitor.survey;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TopicReader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash after the commit and before the relay leaves the event in the outbox table: it must still reach Kafka.
 * The test writes such a row directly, as the crashed service would have left it, and watches the relay send it.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class OutboxRecoveryTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_event_left_in_the_outbox_by_a_crash_is_relayed_and_then_removed() throws Exception {
        CloudEvent<SurveySubmitted> event = CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", "GM0193",
                new SurveySubmitted(UUID.randomUUID(), "GM0193", 2017, 1, 1, Instant.now(), List.of(new GoalAnswer(2,
                        new BorgingAnswer(Inclusion.NOT_INCLUDED, false, List.of(), null),
                        new InhoudAnswer(false, List.of(), null), new BereikAnswer(false, null))), null));
        try (TopicReader reader = new TopicReader(EventType.SURVEY_SUBMITTED.topic())) {
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO outbox_event (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, event.id());
                insert.setString(2, EventType.SURVEY_SUBMITTED.topic());
                insert.setString(3, "GM0193");
                insert.setString(4, new EventCodec().encode(event));
                insert.executeUpdate();
            }

            var record = reader.await(r -> r.value().contains(event.id()), 1, Duration.ofSeconds(30)).get(0);
            assertThat(record.key()).isEqualTo("GM0193");
            assertThat(new String(record.headers().lastHeader("ce_id").value())).isEqualTo(event.id());
        }
        Awaitility.await("the relayed row is deleted").atMost(Duration.ofSeconds(10))
                .until(() -> waiting(event.id()) == 0);
    }

    private int waiting(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE event_id = ?")) {
            count.setString(1, eventId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
