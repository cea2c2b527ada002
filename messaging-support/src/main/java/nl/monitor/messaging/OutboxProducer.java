package nl.monitor.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;

/**
 * The relay's Kafka producer: every write acknowledged by all in-sync replicas, idempotent, ordered per key, and
 * batched (a short linger, large batches, compression) so that a burst of outbox rows leaves in few requests.
 */
@ApplicationScoped
public class OutboxProducer {

    private final Producer<String, String> producer;

    public OutboxProducer(MessagingConfig config, KafkaClients clients) {
        MessagingConfig.Outbox outbox = config.outbox();
        this.producer = new KafkaProducer<>(clients.producer(Map.ofEntries(
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
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) outbox.sendTimeout().toMillis()),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        (int) Math.min(10_000, outbox.sendTimeout().toMillis())))),
                new StringSerializer(), new StringSerializer());
    }

    Producer<String, String> producer() {
        return producer;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
