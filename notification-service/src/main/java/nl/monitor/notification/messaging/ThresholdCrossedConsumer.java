package nl.monitor.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.notification.service.AlertService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code threshold-crossed}. Transient faults are retried; a poison record goes to
 * {@code notification-service.threshold-crossed.dlq} with the reason, and the consumer goes on.
 */
@ApplicationScoped
public class ThresholdCrossedConsumer {

    private final AlertService alerts;

    public ThresholdCrossedConsumer(AlertService alerts) {
        this.alerts = alerts;
    }

    @Incoming("threshold-crossed")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = PoisonEventException.class)
    public void consume(String record) {
        alerts.handle(record);
    }
}
