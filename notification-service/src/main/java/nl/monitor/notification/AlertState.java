package nl.monitor.notification;

/** Whether the condition an alert reports still holds. */
public enum AlertState {
    /** The municipality is below the threshold (a crossing down). */
    OPEN,
    /** It came back up; or the alert is itself the notice of that recovery. */
    RESOLVED
}
