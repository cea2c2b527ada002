package nl.monitor.reporting.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;

/**
 * Keeps the audit trail: appends each {@code audit-recorded} event of any service to {@code audit_entry}. Not part
 * of the read-model rebuild, which neither empties nor replays the trail.
 */
@ApplicationScoped
public class AuditProjection implements EventHandler<AuditRecorded> {

    private final AuditEntries entries;

    public AuditProjection(AuditEntries entries) {
        this.entries = entries;
    }

    @Override
    public EventType type() {
        return EventType.AUDIT_RECORDED;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome handle(CloudEvent<AuditRecorded> event) {
        return entries.append(event.id(), event.data()) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }
}
