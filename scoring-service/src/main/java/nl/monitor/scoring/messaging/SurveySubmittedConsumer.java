package nl.monitor.scoring.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.scoring.service.ScoringService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code survey-submitted}. Transient faults are retried; a poison record goes to
 * {@code scoring-service.survey-submitted.dlq} with the reason, and the consumer goes on.
 */
@ApplicationScoped
public class SurveySubmittedConsumer {

    private final ScoringService scoring;

    public SurveySubmittedConsumer(ScoringService scoring) {
        this.scoring = scoring;
    }

    @Incoming("survey-submitted")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = PoisonEventException.class)
    public void consume(String record) {
        scoring.handle(record);
    }
}
