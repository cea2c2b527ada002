package nl.monitor.messaging.consume;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.messaging.MessagingConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a topic from the beginning with a plain Kafka consumer of its own (all partitions assigned, no consumer
 * group, nothing committed), up to the end offsets captured when the replay starts, in batches of 500 records (one transaction each for the rebuild). The service's
 * live consumer is not touched: it keeps its group offsets and goes on with what arrives meanwhile.
 */
@ApplicationScoped
public class TopicReplay {

    private static final int BATCH = 500;
    private static final Duration POLL = Duration.ofMillis(500);

    private final MessagingConfig messaging;

    public TopicReplay(MessagingConfig messaging) {
        this.messaging = messaging;
    }

    /** The offsets one partition was read over: {@code from} (inclusive) up to {@code to} (exclusive). */
    public record PartitionRange(int partition, long from, long to) {
    }

    /** What a replay read. */
    public record Replayed(String topic, List<PartitionRange> partitions, long records) {
    }

    /** The topic stayed behind the captured end offsets for longer than the replay's timeout. */
    public static class ReplayTimeoutException extends RuntimeException {
        ReplayTimeoutException(String message) {
            super(message);
        }
    }

    /** Where each partition of the topic starts and ends now. */
    public List<PartitionRange> ranges(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return ranges(consumer, partitions(consumer, topic));
        }
    }

    /**
     * Hands every record below the end offsets of this moment to {@code handler}, a batch at a time, in offset order
     * per partition. An exception of the handler ends the replay.
     */
    public Replayed replay(String topic, Duration timeout, Consumer<List<ConsumerRecord<String, String>>> handler) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            List<PartitionRange> ranges = ranges(consumer, partitions);
            // the end offsets the report names are the ones the replay reads up to
            Map<TopicPartition, Long> ends = ranges.stream().collect(java.util.stream.Collectors.toMap(
                    range -> new TopicPartition(topic, range.partition()), PartitionRange::to));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            long records = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
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
                            + " within " + timeout + " (" + records + " record(s) read)");
                }
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    handler.accept(batch);
                    records += batch.size();
                }
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, messaging.kafka().bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, messaging.serviceName() + "-replay",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        return infos == null ? List.of() : infos.stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private static List<PartitionRange> ranges(KafkaConsumer<String, String> consumer,
                                               List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        return partitions.stream().map(p -> new PartitionRange(p.partition(), starts.get(p), ends.get(p))).toList();
    }
}
