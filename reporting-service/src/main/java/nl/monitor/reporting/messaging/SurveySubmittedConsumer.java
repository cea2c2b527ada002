package nl.monitor.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.reporting.service.SubmissionProjection;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code survey-submitted} (group {@code reporting-service}) for the answers read model. Transient faults are
 * retried; a poison record goes to {@code reporting-service.survey-submitted.dlq} with the reason in
 * {@code dead-letter-reason}, and the consumer goes on.
 */
@ApplicationScoped
public class SurveySubmittedConsumer {

    private final SubmissionProjection projection;

    public SurveySubmittedConsumer(SubmissionProjection projection) {
        this.projection = projection;
    }

    @Incoming("survey-submitted")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = PoisonEventException.class)
    public void consume(String record) {
        projection.handle(record);
    }
}
