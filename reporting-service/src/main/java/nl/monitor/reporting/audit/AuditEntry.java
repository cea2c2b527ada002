package nl.monitor.reporting.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of the audit trail as stored (an {@code audit-recorded} event): what was done to what, by whom, from
 * where and when.
 *
 * @param seq        the order in which the entries arrived here
 * @param eventId    the {@code audit-recorded} event's id
 * @param recordedAt when this service stored it
 */
public record AuditEntry(long seq, String eventId, Instant occurredAt, String action, String subject,
                         String municipality, String actor, List<String> roles, String clientAddress,
                         String peerAddress, String service, Map<String, String> details, Instant recordedAt) {
}
