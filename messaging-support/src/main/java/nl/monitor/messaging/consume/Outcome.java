package nl.monitor.messaging.consume;

/** What processing one record did. */
public enum Outcome {
    /** The event changed this service's state. */
    APPLIED,
    /** A newer event of that municipality and year was applied already; nothing changed. */
    SUPERSEDED,
    /** The event was processed before (redelivery, replay, or twice in one batch); nothing changed. */
    DUPLICATE,
    /** The record can never be processed: dead-lettered by the live consumer, skipped by a replay. */
    POISON
}
