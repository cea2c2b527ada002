package nl.monitor.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.messaging.MessagingConfig;
import nl.monitor.reporting.config.RebuildConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a topic from the beginning with a plain Kafka consumer of its own (all partitions assigned,
 * no consumer group, nothing committed), up to the end offsets captured when the replay starts. The live
 * SmallRye consumer is not touched: it keeps its group offsets and goes on with what arrives meanwhile.
 */
@ApplicationScoped
public class TopicReplay {

    private static final Logger LOG = Logger.getLogger(TopicReplay.class);

    private final MessagingConfig messaging;
    private final RebuildConfig config;

    public TopicReplay(MessagingConfig messaging, RebuildConfig config) {
        this.messaging = messaging;
        this.config = config;
    }

    /** The offsets one partition was read over: {@code from} (inclusive) up to {@code to} (exclusive). */
    public record PartitionRange(int partition, long from, long to) {
    }

    /** What a replay read. */
    public record Replayed(String topic, List<PartitionRange> partitions, long records) {
    }

    /** The topic stayed behind the captured end offsets for longer than {@code reporting.rebuild.timeout}. */
    public static class ReplayTimeoutException extends RuntimeException {
        ReplayTimeoutException(String message) {
            super(message);
        }
    }

    /**
     * Hands every record below the end offsets of this moment to {@code handler}, in offset order per partition.
     * An exception of the handler ends the replay.
     */
    public Replayed replay(String topic, Consumer<ConsumerRecord<String, String>> handler) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, messaging.kafka().bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, messaging.serviceName() + "-rebuild",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            List<TopicPartition> partitions = infos == null ? List.of() : infos.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            List<PartitionRange> ranges = partitions.stream()
                    .map(p -> new PartitionRange(p.partition(), starts.get(p), ends.get(p))).toList();
            starts.forEach((partition, start) -> {
                if (start > 0) {
                    LOG.warnf("%s starts at offset %d: older records were deleted by retention and are not replayed",
                            partition, start);
                }
            });

            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            long records = 0;
            long deadline = System.nanoTime() + config.timeout().toNanos();
            while (true) {
                for (TopicPartition partition : List.copyOf(remaining)) {
                    if (consumer.position(partition) >= ends.get(partition)) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                if (remaining.isEmpty()) {
                    return new Replayed(topic, ranges, records);
                }
                if (System.nanoTime() > deadline) {
                    throw new ReplayTimeoutException("replay of " + topic + " did not reach the end offsets " + ends
                            + " within " + config.timeout() + " (" + records + " record(s) read)");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(config.pollTimeout())) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        handler.accept(record);
                        records++;
                    }
                }
            }
        }
    }
}
