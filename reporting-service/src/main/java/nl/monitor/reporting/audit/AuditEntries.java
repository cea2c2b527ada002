package nl.monitor.reporting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.EventCodec;
import nl.monitor.reporting.repository.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code audit_entry} (V12): appended to, never changed (a trigger refuses UPDATE, DELETE and TRUNCATE),
 * and read by the admin's query.
 */
@ApplicationScoped
public class AuditEntries {

    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final Sql sql;
    private final ObjectMapper json;

    public AuditEntries(EntityManager entityManager, Sql sql, EventCodec codec) {
        this.entityManager = entityManager;
        this.sql = sql;
        this.json = codec.mapper();
    }

    /**
     * Appends the entry unless an entry of this event is stored already (the event id is unique), so a redelivered
     * event adds nothing whatever the processed-event marks say.
     *
     * @return whether it was appended now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(String eventId, AuditRecorded entry) {
        return entityManager.createNativeQuery("""
                        INSERT INTO audit_entry (event_id, occurred_at, service, action, subject, municipality, actor,
                            roles, client_address, peer_address, details)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, string_to_array(?8, ' '), ?9, ?10, CAST(?11 AS jsonb))
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .setParameter(1, eventId)
                .setParameter(2, entry.occurredAt())
                .setParameter(3, entry.service())
                .setParameter(4, entry.action())
                .setParameter(5, entry.subject())
                .setParameter(6, entry.municipality())
                .setParameter(7, entry.actor())
                .setParameter(8, String.join(" ", entry.roles()))
                .setParameter(9, entry.clientAddress())
                .setParameter(10, entry.peerAddress())
                .setParameter(11, write(entry.details()))
                .executeUpdate() == 1;
    }

    /** The entries the filter selects, the newest first, with how many there are in all. */
    public AuditPage find(AuditFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(filter.from(), java.time.ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(filter.to(), java.time.ZoneOffset.UTC));
        }
        if (filter.action() != null) {
            where.append(" AND (action = ? OR starts_with(action, ? || '.'))");
            parameters.add(filter.action());
            parameters.add(filter.action());
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            parameters.add(filter.actor());
        }
        if (filter.subject() != null) {
            where.append(" AND (subject = ? OR starts_with(subject, ? || '/'))");
            parameters.add(filter.subject());
            parameters.add(filter.subject());
        }
        if (filter.municipality() != null) {
            where.append(" AND municipality = ?");
            parameters.add(filter.municipality());
        }
        long total = sql.query("SELECT count(*) AS n FROM audit_entry" + where, parameters).get(0).count("n");
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(filter.limit());
        paged.add(filter.offset());
        List<AuditEntry> entries = sql.query("""
                        SELECT seq, event_id, occurred_at, action, subject, municipality, actor,
                            array_to_string(roles, ' ') AS roles, client_address, peer_address, service,
                            details::text AS details, recorded_at
                        FROM audit_entry""" + where + " ORDER BY occurred_at DESC, seq DESC LIMIT ? OFFSET ?", paged)
                .stream().map(this::entry).toList();
        return AuditPage.of(total, filter.limit(), filter.offset(), entries);
    }

    private AuditEntry entry(Sql.Row row) {
        String roles = row.text("roles");
        return new AuditEntry(row.count("seq"), row.text("event_id"), instant(row.columns().get("occurred_at")),
                row.text("action"), row.text("subject"), row.text("municipality"), row.text("actor"),
                roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(" ")),
                row.text("client_address"), row.text("peer_address"), row.text("service"),
                read(row.text("details")), instant(row.columns().get("recorded_at")));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant()
                : value instanceof java.sql.Timestamp stamp ? stamp.toInstant() : null;
    }

    private String write(Map<String, String> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String details) {
        try {
            return json.readValue(details, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit details cannot be read", e);
        }
    }
}
