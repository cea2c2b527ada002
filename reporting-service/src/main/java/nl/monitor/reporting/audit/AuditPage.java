package nl.monitor.reporting.audit;

import nl.monitor.reporting.report.CsvTable;
import nl.monitor.reporting.report.Tabular;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A page of the audit trail, the newest entry first.
 *
 * @param total   the entries matching the filter, on all pages
 * @param more    whether there are entries after this page
 * @param entries this page's, at most {@code limit}
 */
public record AuditPage(long total, int limit, int offset, boolean more, List<AuditEntry> entries)
        implements Tabular {

    public static AuditPage of(long total, int limit, int offset, List<AuditEntry> entries) {
        return new AuditPage(total, limit, offset, offset + entries.size() < total, entries);
    }

    /**
     * One line per entry; {@code details} as {@code name=value} pairs separated by {@code "; "}, the roles by
     * spaces. The shared writer neutralises text that a spreadsheet would run as a formula.
     */
    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("occurred_at", "action", "subject", "municipality", "actor", "roles",
                "client_address", "peer_address", "service", "details", "event_id", "recorded_at");
        for (AuditEntry e : entries) {
            table.row(e.occurredAt(), e.action(), e.subject(), e.municipality(), e.actor(),
                    String.join(" ", e.roles()), e.clientAddress(), e.peerAddress(), e.service(),
                    e.details().entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
                            .collect(Collectors.joining("; ")), e.eventId(), e.recordedAt());
        }
        return table;
    }
}
