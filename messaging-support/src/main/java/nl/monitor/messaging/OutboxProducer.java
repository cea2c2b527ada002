package nl.monitor.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;

/**
 * The relay's Kafka producer: every write acknowledged by all in-sync replicas, idempotent, ordered per key, and
 * batched (a short linger, large batches, compression) so that a burst of outbox rows leaves in few requests.
 * <p>
 * Sends the relay has given up on are abandoned ({@link #abandonUnacknowledged()}) before it sends their rows again:
 * left in the producer, a batch of them could still reach Kafka after the rows' next sending, behind a later event of
 * the same municipality (seen in the fault suite's broker outage: a version 2 scored before its version 1). The
 * producer's own delivery timeout is twice the relay's wait, so it never expires one batch and then delivers the next
 * before the relay gives up.
 */
@ApplicationScoped
public class OutboxProducer {

    private final Map<String, Object> configuration;
    private volatile Producer<String, String> producer;

    @Inject
    public OutboxProducer(MessagingConfig config, KafkaClients clients) {
        this(configuration(config, clients));
    }

    OutboxProducer(Map<String, Object> configuration) {
        this.configuration = Map.copyOf(configuration);
        this.producer = create();
    }

    private static Map<String, Object> configuration(MessagingConfig config, KafkaClients clients) {
        MessagingConfig.Outbox outbox = config.outbox();
        long relayWait = outbox.sendTimeout().toMillis();
        return clients.producer(Map.ofEntries(
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, (int) outbox.linger().toMillis()),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, outbox.compression()),
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.kafka().maxRequestSize()),
                // A send waits this long for metadata when the broker is away; the rows then wait for the next round.
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                // the relay gives up (and abandons the sends) first
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (2 * relayWait)),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, relayWait))));
    }

    private Producer<String, String> create() {
        return new KafkaProducer<>(configuration, new StringSerializer(), new StringSerializer());
    }

    /** The producer to send with now (a new one after {@link #abandonUnacknowledged()}). */
    Producer<String, String> producer() {
        return producer;
    }

    /**
     * Abandons every send not acknowledged yet: the producer is closed at once, which fails what it still holds, and a
     * new one takes its place. A request already on its way may still be written, in order; nothing else is.
     */
    synchronized void abandonUnacknowledged() {
        Producer<String, String> abandoned = producer;
        abandoned.close(Duration.ZERO);
        producer = create();
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
