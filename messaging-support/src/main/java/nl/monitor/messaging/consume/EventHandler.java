package nl.monitor.messaging.consume;

import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.PoisonEventException;

/**
 * What a service does with the events of one type. A CDI bean implementing it is consumed by {@link EventConsumer}:
 * the record is decoded and checked against its schema first, and {@link #handle} runs inside the transaction of
 * its batch, only for an event this service has not processed before.
 *
 * @param <T> the event's data record
 */
public interface EventHandler<T> {

    /** The event type (and so the topic and schema) this handler consumes. */
    EventType type();

    /**
     * Applies one event. Throw {@link PoisonEventException} when it breaks the domain rules and can never be
     * applied: the batch is rolled back and processed again without it, and it goes to the dead-letter topic alone.
     * Any other exception is a transient fault: the whole batch is retried until it passes. A handler that a replay
     * runs with {@link EventBatchProcessor#processWithin} and that is {@code @Transactional} declares
     * {@code dontRollbackOn = PoisonEventException.class}, or its poison would doom the replay's whole transaction.
     */
    Outcome handle(CloudEvent<T> event);
}
