package nl.monitor.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.EventCodec;
import nl.monitor.notification.Delivery;
import nl.monitor.notification.Subscription;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Puts the deliveries that waited for a subscription's daily digest into one message. Its id is derived from the
 * deliveries it carries, so a retry of the same digest carries the same id.
 */
@ApplicationScoped
public class Digests {

    private final ObjectMapper json;

    public Digests(EventCodec codec) {
        this.json = codec.mapper();
    }

    DeliveryCall call(Subscription to, int attempt, List<Delivery> together) {
        List<UUID> carried = together.stream().map(d -> d.id).toList();
        UUID digestId = UUID.nameUUIDFromBytes(("digest:" + carried.stream().map(UUID::toString).sorted()
                .collect(Collectors.joining(","))).getBytes(StandardCharsets.UTF_8));
        List<WebhookPayload> alerts = new ArrayList<>();
        try {
            for (Delivery delivery : together) {
                alerts.add(json.readValue(delivery.payload, WebhookPayload.class));
            }
            String payload = json.writeValueAsString(new DigestPayload(digestId, DigestPayload.TYPE, to.region, alerts));
            return DeliveryCall.digest(digestId, carried, attempt, to, payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the digest of subscription " + to.id, e);
        }
    }
}
