package nl.monitor.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.reporting.service.ScoreProjection;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code score-computed} (group {@code reporting-service}). Transient faults are retried; a poison record goes
 * to {@code reporting-service.score-computed.dlq} with the reason in {@code dead-letter-reason}, and the consumer
 * goes on.
 */
@ApplicationScoped
public class ScoreComputedConsumer {

    private final ScoreProjection projection;

    public ScoreComputedConsumer(ScoreProjection projection) {
        this.projection = projection;
    }

    @Incoming("score-computed")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = PoisonEventException.class)
    public void consume(String record) {
        projection.handle(record);
    }
}
