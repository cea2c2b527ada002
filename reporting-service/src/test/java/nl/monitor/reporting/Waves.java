package nl.monitor.reporting;

import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.testsupport.EventPublisher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static nl.monitor.reporting.ScoreEvents.rows;
import static org.awaitility.Awaitility.await;

/** A wave's actions as the survey-service records them in the audit trail (what the released read model heeds). */
final class Waves {

    private static final EventCodec CODEC = new EventCodec();

    private Waves() {
    }

    /** Records {@code wave.opened}, {@code wave.closed} or {@code wave.reopened} of the year, and waits until stored. */
    static void record(String action, int year, Instant at) {
        AuditRecorded data = new AuditRecorded(action, "wave/" + year, null, "admin-" + year, List.of("admin"), null,
                null, "survey-service", at, Map.of());
        CloudEvent<AuditRecorded> event = CloudEvent.of(EventType.AUDIT_RECORDED, "/survey-service", data.key(), data);
        EventPublisher.shared().send(EventType.AUDIT_RECORDED.topic(), event.subject(), CODEC.encode(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> !rows("SELECT 1 FROM reporting.audit_entry "
                + "WHERE event_id = ?", event.id()).isEmpty());
    }
}
