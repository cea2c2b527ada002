package nl.monitor.reporting.audit;

import java.time.Instant;

/**
 * Which audit entries to list: each criterion that is set must hold. The newest first, {@code limit} of them after
 * skipping {@code offset}.
 *
 * @param from         occurred at or after (null: from the first)
 * @param to           occurred before (null: up to now)
 * @param action       an action ({@code wave.reopened}) or a group of them ({@code wave} for {@code wave.*})
 * @param actor        the actor ({@code sub}) exactly
 * @param subject      a subject ({@code wave/2017}) or everything under it ({@code wave} for {@code wave/*})
 * @param municipality the municipality the changes concern
 */
public record AuditFilter(Instant from, Instant to, String action, String actor, String subject,
                          String municipality, int limit, int offset) {
}
