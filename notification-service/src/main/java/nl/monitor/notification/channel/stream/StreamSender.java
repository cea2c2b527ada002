package nl.monitor.notification.channel.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.EventCodec;
import nl.monitor.notification.channel.ChannelSender;
import nl.monitor.notification.delivery.Deliverer;
import nl.monitor.notification.delivery.DeliveryCall;
import nl.monitor.notification.delivery.DeliveryOutcome;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers to a STREAM subscription: the payload as one Server-Sent Event (id: the delivery id, name: the alert type)
 * to every client of the subscription's stream connected to this instance. Taken by at least one client is
 * delivered. (The Deliverer sends to a stream only while a client is connected; see {@link StreamHub#connected}.)
 */
@ApplicationScoped
public class StreamSender implements ChannelSender {

    private final StreamHub hub;
    private final ObjectMapper json;

    public StreamSender(StreamHub hub, EventCodec codec) {
        this.hub = hub;
        this.json = codec.mapper();
    }

    @Override
    public CompletableFuture<DeliveryOutcome> send(DeliveryCall call) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        String type;
        try {
            type = json.readTree(call.payload()).path("type").asText("threshold-crossed");
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.failed(at, "unreadable payload: " + e, 0));
        }
        return hub.sendToSubscription(call.subscriptionId(), call.deliveryId().toString(), type, call.payload())
                .thenApply(clients -> {
                    long latencyMs = (System.nanoTime() - start) / 1_000_000;
                    return clients > 0 ? DeliveryOutcome.succeeded(at, latencyMs)
                            : DeliveryOutcome.failed(at, "no stream client took it", latencyMs);
                });
    }
}
