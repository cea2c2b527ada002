package nl.monitor.survey.wave;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.messaging.audit.AuditTrail;

import java.util.Map;

/**
 * The first step of the audit trail (issue 15), kept as a thin delegate for callers written against it: the change is
 * recorded in the {@link AuditTrail} (in the caller's transaction when there is one, else in one of its own), with
 * {@code details} as the single detail {@code details}. Who and from where the trail takes from the request itself;
 * {@code who} and {@code from} are not used. New code calls {@link AuditTrail#record} directly, with the municipality
 * the change concerns and typed details.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditTrail trail;

    public AuditLog(AuditTrail trail) {
        this.trail = trail;
    }

    /** @deprecated call {@link AuditTrail#record} with the municipality and the details by name */
    @Deprecated
    @Transactional
    public void record(String action, String subject, String who, String from, String details) {
        trail.record(action, subject, null, Map.of("details", details == null ? "" : details));
    }
}
