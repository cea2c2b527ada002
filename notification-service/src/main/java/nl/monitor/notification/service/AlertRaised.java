package nl.monitor.notification.service;

import java.util.UUID;

/**
 * Fired inside the transaction that stored an alert and its deliveries; observed after commit to deliver at once
 * (and, later, to push the alert to live streams).
 */
public record AlertRaised(UUID alertId, String region, int deliveries) {
}
