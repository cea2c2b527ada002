package nl.monitor.notification;

/** How a subscription is reached. Only signed webhooks so far; e-mail and a live stream (SSE) are to come. */
public enum Channel {
    WEBHOOK
}
