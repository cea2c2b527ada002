package nl.monitor.messaging;

import nl.monitor.testsupport.KafkaProcess;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a real broker that goes away: a send the relay gave up on and abandoned never reaches Kafka, so it cannot
 * land behind the municipality's next event when the broker is back (without the abandonment it would: the producer
 * keeps retrying it).
 */
class OutboxProducerTest {

    private static final String TOPIC = "survey-submitted";

    @Test
    void anAbandonedSendNeverLandsBehindALaterOne(@TempDir Path dir) throws Exception {
        try (KafkaProcess kafka = KafkaProcess.start(dir)) {
            try (var admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            OutboxProducer outbox = new OutboxProducer(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000));
            try {
                outbox.producer().send(event("version 1")).get(30, TimeUnit.SECONDS);

                kafka.stop();
                Future<RecordMetadata> givenUp = outbox.producer().send(event("version 2, first sending"));
                outbox.abandonUnacknowledged();
                assertThatThrownBy(() -> givenUp.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

                kafka.start();
                outbox.producer().send(event("version 3")).get(60, TimeUnit.SECONDS);
            } finally {
                outbox.close();
            }
            assertThat(TopicReader.readAll(kafka.bootstrapServers(), TOPIC)).extracting(ConsumerRecord::value)
                    .containsExactly("version 1", "version 3");
        }
    }

    private static ProducerRecord<String, String> event(String value) {
        return new ProducerRecord<>(TOPIC, "GM0014", value);
    }
}
