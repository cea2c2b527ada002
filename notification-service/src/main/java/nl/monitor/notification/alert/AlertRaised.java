package nl.monitor.notification.alert;

/**
 * Fired inside the transaction that stored an alert and its deliveries; observed after commit to deliver at once
 * and to push the alert to the live alert feeds.
 */
public record AlertRaised(AlertView alert, int deliveries) {
}
