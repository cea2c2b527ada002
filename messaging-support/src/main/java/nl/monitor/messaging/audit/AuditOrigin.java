package nl.monitor.messaging.audit;

import nl.monitor.contracts.AuditRecorded;

import java.util.List;

/**
 * Who made a change and from where, as the audit trail records it.
 *
 * @param actor         the token's {@code sub}, or {@link AuditRecorded#SYSTEM}
 * @param roles         the caller's roles, sorted
 * @param clientAddress the first hop of {@code X-Forwarded-For} when a trusted proxy set it
 *                      ({@code quarkus.http.proxy.trusted-proxies}), else the peer address
 * @param peerAddress   the address the request came in from
 */
public record AuditOrigin(String actor, List<String> roles, String clientAddress, String peerAddress) {

    public AuditOrigin {
        roles = List.copyOf(roles);
    }

    /** A change no caller asked for: a rebuild on start, a scheduled step. */
    public static AuditOrigin system() {
        return new AuditOrigin(AuditRecorded.SYSTEM, List.of(), null, null);
    }
}
