package nl.monitor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;

/** Makes this service's CloudEvents: source {@code /<service-name>}, subject the municipality code. */
@ApplicationScoped
public class Events {

    private final String source;

    public Events(MessagingConfig config) {
        this.source = "/" + config.serviceName();
    }

    public <T> CloudEvent<T> create(EventType type, String municipality, T data) {
        return CloudEvent.of(type, source, municipality, data);
    }
}
