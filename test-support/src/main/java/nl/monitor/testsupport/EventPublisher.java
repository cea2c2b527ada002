package nl.monitor.testsupport;

import nl.monitor.contracts.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes records to the shared broker the way the outbox relay does: keyed, {@code acks=all}, with the
 * structured-mode CloudEvents {@code content-type} header, so a consumer under test meets what production sends
 * (poison records included). Each send waits for the broker's acknowledgement.
 */
public final class EventPublisher implements AutoCloseable {

    private static EventPublisher shared;

    private final KafkaProducer<String, String> producer;

    private EventPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** The publisher to {@link KafkaBroker#shared()}, created on first use and closed with the JVM. */
    public static synchronized EventPublisher shared() {
        if (shared == null) {
            shared = new EventPublisher(KafkaBroker.shared().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "event-publisher-shutdown"));
        }
        return shared;
    }

    /** Sends {@code value} to {@code topic} under {@code key} and waits (30 s at most) until the broker has it. */
    public void send(String topic, String key, String value) {
        send(topic, key, value, Map.of("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE));
    }

    /** Sends {@code value} with these headers (and no others), and waits until the broker has it. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(new RecordHeader(name,
                header.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
