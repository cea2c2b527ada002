package nl.monitor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.PoisonEventException;

import java.util.Optional;

/**
 * The first step of every consumer, inside its transaction: read and check the record (a poison record throws
 * {@link PoisonEventException}, which the channel's dead-letter strategy sends to the dead-letter topic with the
 * reason), and skip an event this service already processed.
 *
 * <pre>{@code
 * @Incoming("survey-submitted")
 * @Retry(maxRetries = 3, delay = 500, abortOn = PoisonEventException.class)   // transient faults, not poison
 * public void consume(String record) { scoring.handle(record); }              // handle() is @Transactional
 * }</pre>
 */
@ApplicationScoped
public class IncomingEvents {

    private final EventCodec codec;
    private final ProcessedEvents processed;

    public IncomingEvents(EventCodec codec, ProcessedEvents processed) {
        this.codec = codec;
        this.processed = processed;
    }

    /** The event when this service sees it for the first time; empty for a redelivery or replay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Optional<CloudEvent<T>> firstDelivery(String record, EventType type) {
        CloudEvent<T> event = codec.decode(record, type);
        return processed.firstTime(event.id()) ? Optional.of(event) : Optional.empty();
    }
}
