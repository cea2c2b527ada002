package nl.monitor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import nl.monitor.contracts.EventCodec;

/** One {@link EventCodec} per service (building it loads the JSON Schemas once). */
@ApplicationScoped
public class EventCodecProducer {

    @Produces
    @ApplicationScoped
    EventCodec codec() {
        return new EventCodec();
    }
}
