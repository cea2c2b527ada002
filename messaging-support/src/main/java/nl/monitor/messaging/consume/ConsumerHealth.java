package nl.monitor.messaging.consume;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while the consumer retries a transient fault (the database or broker away): the instance is behind. */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    private final EventConsumer consumer;

    public ConsumerHealth(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumer");
        return consumer.stall()
                .map(stall -> response.down().withData("stalled-since", stall.since().toString())
                        .withData("attempts", stall.attempts()).withData("fault", stall.fault()))
                .orElseGet(response::up)
                .build();
    }
}
