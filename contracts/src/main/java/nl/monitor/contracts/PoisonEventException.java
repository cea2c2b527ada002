package nl.monitor.contracts;

/**
 * An incoming record that can never be processed: bad JSON, an unknown event type or schema version, or data that
 * breaks its schema. Consumers send such a record to their dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
