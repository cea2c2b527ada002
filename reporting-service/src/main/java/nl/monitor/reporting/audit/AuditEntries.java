package nl.monitor.reporting.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.metamodel.Type;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.AuditRecorded;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code audit_entry} (V12): appended to, never changed (a trigger refuses UPDATE, DELETE and TRUNCATE),
 * and read by the admin's query.
 */
@ApplicationScoped
public class AuditEntries implements PanacheRepositoryBase<StoredAuditEntry, Long> {

    /**
     * Appends the entry unless an entry of this event is stored already (the event id is unique), so a redelivered
     * event adds nothing whatever the processed-event marks say.
     *
     * @return whether it was appended now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(String eventId, AuditRecorded entry) {
        return getEntityManager().unwrap(Session.class).createMutationQuery("""
                        insert into StoredAuditEntry (eventId, occurredAt, service, action, subject, municipality,
                            actor, roles, clientAddress, peerAddress, details)
                        values (:eventId, :occurredAt, :service, :action, :subject, :municipality, :actor, :roles,
                            :clientAddress, :peerAddress, :details)
                        on conflict (eventId) do nothing
                        """)
                .setParameter("eventId", eventId)
                .setParameter("occurredAt", entry.occurredAt())
                .setParameter("service", entry.service())
                .setParameter("action", entry.action())
                .setParameter("subject", entry.subject())
                .setParameter("municipality", entry.municipality())
                .setParameter("actor", entry.actor())
                .setParameter("roles", List.copyOf(entry.roles()), typeOf("roles"))
                .setParameter("clientAddress", entry.clientAddress())
                .setParameter("peerAddress", entry.peerAddress())
                .setParameter("details", entry.details(), typeOf("details"))
                .executeUpdate() == 1;
    }

    /** The mapped type of an attribute (the text array, the JSON object), which an insert's parameter must take. */
    @SuppressWarnings("unchecked")
    private <T> Type<T> typeOf(String attribute) {
        return (Type<T>) getEntityManager().getMetamodel().entity(StoredAuditEntry.class)
                .getSingularAttribute(attribute).getType();
    }

    /** The entries the filter selects, the newest first, with how many there are in all. */
    public AuditPage find(AuditFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        Parameters parameters = new Parameters();
        if (filter.from() != null) {
            conditions.add("occurredAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("occurredAt < :to");
            parameters.and("to", filter.to());
        }
        if (filter.action() != null) {
            conditions.add("(action = :action or left(action, length(:actionGroup)) = :actionGroup)");
            parameters.and("action", filter.action()).and("actionGroup", filter.action() + ".");
        }
        if (filter.actor() != null) {
            conditions.add("actor = :actor");
            parameters.and("actor", filter.actor());
        }
        if (filter.subject() != null) {
            conditions.add("(subject = :subject or left(subject, length(:subjectGroup)) = :subjectGroup)");
            parameters.and("subject", filter.subject()).and("subjectGroup", filter.subject() + "/");
        }
        if (filter.municipality() != null) {
            conditions.add("municipality = :municipality");
            parameters.and("municipality", filter.municipality());
        }
        String where = String.join(" and ", conditions);
        long total = count(where, parameters);
        List<AuditEntry> entries = find(where, Sort.descending("occurredAt", "seq"), parameters)
                .range(filter.offset(), filter.offset() + filter.limit() - 1).list().stream()
                .map(StoredAuditEntry::entry).toList();
        return AuditPage.of(total, filter.limit(), filter.offset(), entries);
    }
}
