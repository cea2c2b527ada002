package nl.monitor.notification.channel.webhook;

import java.net.URI;

/**
 * A webhook URL is often a capability (a token in its path or query lets anyone post to the receiver): outside the
 * subscription's owner and admins, in logs, traces and the audit trail it is shown as scheme, host and port only.
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /** {@code https://hooks.example.org/…}: no user info, path, query or fragment. */
    public static String redacted(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "…";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…";
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }
}
