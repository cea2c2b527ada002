package nl.monitor.messaging.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.List;

/**
 * The {@link AuditOrigin} of the change being made now: the signed-in caller of the current HTTP request (the
 * token's {@code sub}, its roles, its address), or {@link AuditOrigin#system()} outside a request (a rebuild on start,
 * a scheduled step) and for an anonymous caller.
 */
@ApplicationScoped
public class RequestOrigin {

    private final Instance<SecurityIdentity> identity;
    private final Instance<HttpServerRequest> request;

    public RequestOrigin(Instance<SecurityIdentity> identity, Instance<HttpServerRequest> request) {
        this.identity = identity;
        this.request = request;
    }

    public AuditOrigin current() {
        if (!Arc.container().requestContext().isActive()) {
            return AuditOrigin.system();
        }
        SecurityIdentity caller = identity.get();
        if (caller.isAnonymous()) {
            return AuditOrigin.system();
        }
        String client = null;
        String peer = null;
        if (request.isResolvable()) {
            // Quarkus resolves the client (quarkus.http.proxy.*): the X-Forwarded-For address only when the request
            // came from a trusted proxy (quarkus.http.proxy.trusted-proxies), else the peer. The peer is the socket's.
            HttpServerRequest http = request.get();
            client = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
            peer = http.connection() == null || http.connection().remoteAddress() == null ? client
                    : http.connection().remoteAddress().hostAddress();
        }
        List<String> roles = caller.getRoles().stream().sorted().toList();
        return new AuditOrigin(caller.getPrincipal().getName(), roles, client, peer);
    }
}
