package nl.monitor.survey.wave;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * One {@code AUDIT} log line per change an admin makes: what, to which subject, who, when and from where. The first
 * step of the audit trail (issue 15); an append-only audit table with a query API replaces it.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("nl.monitor.audit");

    public void record(String action, String subject, String who, String from, String details) {
        LOG.infof("AUDIT action=%s subject=%s by=%s from=%s at=%s %s", action, subject, who, from, Instant.now(),
                details);
    }
}
