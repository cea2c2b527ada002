package nl.monitor.notification.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.EventCodec;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.channel.webhook.WebhookSender;
import nl.monitor.notification.delivery.DeliveryCall;
import nl.monitor.notification.delivery.DeliveryOutcome;
import nl.monitor.notification.repository.SubscriptionRepository;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A test call to a webhook subscription, asked from the dashboard: a payload of {@code type: "test"} sent by the same
 * {@link WebhookSender} as the real deliveries — the same address checks, headers and Standard Webhooks signatures
 * (both secrets during a rotation's overlap) — once, now, and answered with what the receiver said. It is no
 * delivery: nothing is stored, retried or written to the delivery log.
 */
@ApplicationScoped
public class WebhookTestCall {

    private static final Logger LOG = Logger.getLogger(WebhookTestCall.class);

    /** The body of a test call; {@code type} tells a receiver it is no alert. */
    public record Payload(UUID deliveryId, String type, UUID subscriptionId, String region, Instant occurredAt,
                          String message) {
    }

    /**
     * What the test call got.
     *
     * @param httpStatus the receiver's HTTP status; null when no answer came
     * @param error      the generic reason it failed (as in the delivery log: {@code HTTP 500}, {@code timeout},
     *                   {@code connection failed}, {@code address not allowed}, …); null when it succeeded
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WebhookTestResult")
    public record Result(UUID deliveryId, boolean delivered, Integer httpStatus, String error, long latencyMs,
                         Instant at) {
    }

    private final SubscriptionRepository subscriptions;
    private final WebhookSender sender;
    private final ObjectMapper json;

    public WebhookTestCall(SubscriptionRepository subscriptions, WebhookSender sender, EventCodec codec) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.json = codec.mapper();
    }

    /** Sends the test call to an active webhook subscription; empty when there is none with that id. */
    public Optional<Result> send(UUID id, String by) {
        Optional<DeliveryCall> call = subscriptions.active(id).map(this::call);
        return call.map(c -> {
            DeliveryOutcome outcome = sender.send(c).join();
            LOG.infof("Test call %s of subscription %s asked by %s: %s", c.deliveryId(), id, by,
                    outcome.delivered() ? "delivered" : outcome.error());
            return new Result(c.deliveryId(), outcome.delivered(), outcome.httpStatus(), outcome.error(),
                    outcome.latencyMs(), outcome.at());
        });
    }

    private DeliveryCall call(Subscription subscription) {
        UUID deliveryId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Payload payload = new Payload(deliveryId, "test", subscription.id, subscription.region, now,
                "Testmelding van de Monitor: deze webhook is goed ingesteld als de handtekening klopt.");
        try {
            return new DeliveryCall(deliveryId, List.of(), 1, subscription.id, subscription.channel,
                    subscription.url, subscription.signingSecrets(now), null, json.writeValueAsString(payload), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a test payload", e);
        }
    }
}
