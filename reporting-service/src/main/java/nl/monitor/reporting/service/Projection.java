package nl.monitor.reporting.service;

import nl.monitor.contracts.PoisonEventException;

/** Projects the records of one topic onto the read model; used by the live consumer and by the rebuild alike. */
public interface Projection {

    /** What handling one record did. */
    enum Outcome {
        /** The event is now the municipality's current one for its year. */
        APPLIED,
        /** A newer event of that municipality and year is already stored; nothing changed. */
        SUPERSEDED,
        /** The event was processed before (redelivery or replay); nothing changed. */
        DUPLICATE
    }

    /**
     * Handles one record in one transaction.
     *
     * @throws PoisonEventException when the record can never be projected
     */
    Outcome handle(String record);
}
