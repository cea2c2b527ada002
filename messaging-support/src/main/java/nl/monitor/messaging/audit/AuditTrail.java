package nl.monitor.messaging.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.EventType;
import nl.monitor.messaging.Events;
import nl.monitor.messaging.MessagingConfig;
import nl.monitor.messaging.Outbox;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one entry point of the audit trail: records a change as an {@code audit-recorded} event through the
 * {@link Outbox} <b>in the caller's transaction</b>, so the entry leaves exactly when the change commits (and not at
 * all when it rolls back), and is never lost. Who and from where it takes itself ({@link RequestOrigin}), the time
 * is now. Each entry is also one {@code AUDIT} line on the log category {@code nl.monitor.audit}.
 * The reporting-service keeps the entries append-only and serves them to admins ({@code GET /api/admin/audit}).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("nl.monitor.audit");

    private final Outbox outbox;
    private final Events events;
    private final RequestOrigin origin;
    private final String service;

    public AuditTrail(Outbox outbox, Events events, RequestOrigin origin, MessagingConfig config) {
        this.outbox = outbox;
        this.events = events;
        this.origin = origin;
        this.service = config.serviceName();
    }

    /**
     * Records a change made by the current caller (or the system, outside a request).
     *
     * @param action       {@code <thing>.<verb>}, e.g. {@code wave.reopened}
     * @param subject      what was changed, e.g. {@code wave/2017}
     * @param municipality the municipality it concerns (the event's key), or null
     * @param details      what else says what was done, in this order; null values are kept as null
     * @return the entry as published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecorded record(String action, String subject, String municipality, Map<String, ?> details) {
        AuditOrigin who = origin.current();
        Map<String, String> texts = new LinkedHashMap<>();
        details.forEach((name, value) -> texts.put(name, value == null ? null : value.toString()));
        AuditRecorded entry = new AuditRecorded(action, subject, municipality, who.actor(), who.roles(),
                who.clientAddress(), who.peerAddress(), service, Instant.now().truncatedTo(ChronoUnit.MICROS),
                texts);
        outbox.publish(EventType.AUDIT_RECORDED, events.create(EventType.AUDIT_RECORDED, entry.key(), entry));
        LOG.infof("AUDIT action=%s subject=%s by=%s from=%s via %s at=%s %s", action, subject, who.actor(),
                who.clientAddress(), who.peerAddress(), entry.occurredAt(), texts.entrySet().stream()
                        .map(e -> e.getKey() + "=" + quoted(e.getValue())).collect(Collectors.joining(" ")));
        return entry;
    }

    private static String quoted(String value) {
        return value != null && value.contains(" ") ? "\"" + value + "\"" : String.valueOf(value);
    }
}
