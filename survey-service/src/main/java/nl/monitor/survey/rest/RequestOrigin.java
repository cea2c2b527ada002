package nl.monitor.survey.rest;

import io.vertx.core.http.HttpServerRequest;

/** Where a call came from, for the audit: the proxy's X-Forwarded-For when there is one, and the peer address. */
final class RequestOrigin {

    private RequestOrigin() {
    }

    static String of(HttpServerRequest http) {
        String peer = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        String forwarded = http.getHeader("X-Forwarded-For");
        return forwarded == null || forwarded.isBlank() ? peer : forwarded.strip() + " via " + peer;
    }
}
