package nl.monitor.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code audit-recorded}: one change someone made on the platform, published by the service that made it in the
 * transaction of the change (so it leaves exactly when the change commits), and kept append-only by the
 * reporting-service. The event's CloudEvents {@code subject} (its Kafka key) is {@link #municipality} when the change
 * concerns one, else {@link #PLATFORM}.
 *
 * @param action        what was done, {@code <thing>.<verb>} in the past tense: {@code submission.accepted},
 *                      {@code wave.reopened}, {@code dead-letter.redriven}, …
 * @param subject       what it was done to: {@code submission/<id>}, {@code wave/2017}, {@code subscription/<id>}, …
 * @param municipality  the municipality the change concerns, null when none
 * @param actor         who: the token's {@code sub}, or {@code system} for a change no caller asked for
 * @param roles         the caller's roles when it was done (empty for {@code system})
 * @param clientAddress from where: the first hop of {@code X-Forwarded-For} when a trusted proxy set it, else the peer
 *                      address; null for {@code system}
 * @param peerAddress   the address the request came in from (the proxy when there is one); null for {@code system}
 * @param service       the service that made the change
 * @param occurredAt    when
 * @param details       what else says what was done (counts, versions, a reason), by name
 */
public record AuditRecorded(String action, String subject, String municipality, String actor, List<String> roles,
                            String clientAddress, String peerAddress, String service, Instant occurredAt,
                            Map<String, String> details) {

    /** The key of an entry that concerns no single municipality. */
    public static final String PLATFORM = "platform";

    /** The actor of a change no caller asked for (a rebuild on start, a scheduled step). */
    public static final String SYSTEM = "system";

    public AuditRecorded {
        roles = roles == null ? List.of() : List.copyOf(roles);
        details = details == null ? Map.of() : details;
    }

    /** The CloudEvents subject and Kafka key of this entry. */
    public String key() {
        return municipality == null ? PLATFORM : municipality;
    }
}
