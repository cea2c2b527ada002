package nl.monitor.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox in the readiness report: rows waiting and rows parked. Parked rows do not make the service
 * unready (everything else flows), but they are there for an operator to see, with the metric
 * {@code monitor_outbox_parked} to alert on.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRepository repository;

    public OutboxHealth(OutboxRepository repository) {
        this.repository = repository;
    }

    @Override
    public HealthCheckResponse call() {
        long[] counts = QuarkusTransaction.requiringNew()
                .call(() -> new long[]{repository.waiting(), repository.parkedCount()});
        return HealthCheckResponse.named("outbox").up().withData("waiting", counts[0]).withData("parked", counts[1])
                .build();
    }
}
