package nl.monitor.notification;

/** How a subscription is reached. */
public enum Channel {
    /** A signed HTTP POST to the subscription's URL. */
    WEBHOOK,
    /** An e-mail in Dutch to the subscription's address, over SMTP. */
    EMAIL,
    /** A live Server-Sent Events stream the coordinator keeps open ({@code GET /api/subscriptions/{id}/stream}). */
    STREAM
}
