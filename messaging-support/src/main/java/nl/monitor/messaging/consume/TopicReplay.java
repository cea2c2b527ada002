package nl.monitor.messaging.consume;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.messaging.KafkaClients;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads a topic from the beginning with a plain Kafka consumer of its own (all partitions assigned, no consumer
 * group, nothing committed), up to the end offsets captured when the replay starts, in batches of up to 500 records,
 * read ahead by a thread of its own. The service's
 * live consumer is not touched: it keeps its group offsets and goes on with what arrives meanwhile.
 */
@ApplicationScoped
public class TopicReplay {

    private static final int BATCH = 500;
    private static final int PREFETCHED_BATCHES = 2;
    /**
     * A partition's share of one fetch (the default 1 MB holds ~110 assessments of 9 KB) and a fetch's whole (the
     * default 50 MB would not fit beside the rebuild in a service's heap).
     */
    private static final int PARTITION_FETCH_BYTES = 2 * 1024 * 1024;
    private static final int FETCH_BYTES = 16 * 1024 * 1024;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READER_STOP = Duration.ofSeconds(30);
    private static final int READ_AGAIN_SECONDS = 30;

    private final MessagingConfig messaging;
    private final KafkaClients clients;

    public TopicReplay(MessagingConfig messaging, KafkaClients clients) {
        this.messaging = messaging;
        this.clients = clients;
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
     * per partition, on the calling thread (the rebuild's transaction is bound to it). A reader thread of the replay's
     * own polls the topic meanwhile, up to {@value #PREFETCHED_BATCHES} batches ahead: a Kafka consumer fetches only
     * inside {@code poll}, so reading and handling would otherwise take turns. An exception of the handler ends the
     * replay; the reader stops and closes its consumer before this returns or throws.
     */
    public Replayed replay(String topic, Duration timeout, Consumer<List<ConsumerRecord<String, String>>> handler) {
        BlockingQueue<Delivery> deliveries = new ArrayBlockingQueue<>(PREFETCHED_BATCHES);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread reader = new Thread(() -> read(topic, timeout, deliveries, stopped),
                messaging.serviceName() + "-replay-" + topic);
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Delivery next = deliveries.take();
                if (next instanceof Batch batch) {
                    handler.accept(batch.records());
                } else if (next instanceof Failed failed) {
                    throw failed.failure();
                } else {
                    return ((Done) next).replayed();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay of " + topic + " interrupted", e);
        } finally {
            stopped.set(true);
            deliveries.clear();
            try {
                reader.join(READER_STOP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The record at an offset of one of the topic's partitions, read again for a replay that let it go and needs it
     * after all (rare: a rebuild keeps the JSON of only the highest version it saw of each municipality and year).
     *
     * @throws ReplayTimeoutException when the record cannot be read within {@value #READ_AGAIN_SECONDS} s
     */
    public ConsumerRecord<String, String> recordAt(String topic, int partition, long offset) {
        TopicPartition where = new TopicPartition(topic, partition);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(where));
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(READ_AGAIN_SECONDS).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        throw new IllegalStateException(where + " no longer holds offset " + offset);
                    }
                }
            }
            throw new ReplayTimeoutException("could not read " + where + "@" + offset + " again within "
                    + READ_AGAIN_SECONDS + " s");
        }
    }

    /** What the reader thread hands over: a batch, the end of the replay, or why it failed. */
    private sealed interface Delivery permits Batch, Done, Failed {
    }

    private record Batch(List<ConsumerRecord<String, String>> records) implements Delivery {
    }

    private record Done(Replayed replayed) implements Delivery {
    }

    private record Failed(RuntimeException failure) implements Delivery {
    }

    /** The reader thread: polls the topic up to the end offsets, handing over batches until done or stopped. */
    private void read(String topic, Duration timeout, BlockingQueue<Delivery> deliveries, AtomicBoolean stopped) {
        Delivery last;
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
                    last = new Done(new Replayed(topic, ranges, records));
                    break;
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
                    if (!handOver(new Batch(batch), deliveries, stopped)) {
                        return;
                    }
                    records += batch.size();
                }
            }
        } catch (RuntimeException e) {
            last = new Failed(e);
        } catch (Error e) {
            last = new Failed(new IllegalStateException("replay of " + topic + " failed: " + e, e));
        }
        handOver(last, deliveries, stopped);
    }

    /** Waits for room to hand over; false when the replay was stopped meanwhile. */
    private static boolean handOver(Delivery delivery, BlockingQueue<Delivery> deliveries, AtomicBoolean stopped) {
        try {
            while (!stopped.get()) {
                if (deliveries.offer(delivery, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = clients.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, messaging.serviceName() + "-replay",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, PARTITION_FETCH_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // no group: all partitions assigned, nothing committed
        return new ReplayConsumer(config);
    }

    /**
     * A replay's consumer: it has nothing to commit and no group to leave, so closing it does not wait for the fetches
     * it still has in flight (a plain {@code close()} waits for them, about half a second per replay).
     */
    private static final class ReplayConsumer extends KafkaConsumer<String, String> {

        ReplayConsumer(Map<String, Object> config) {
            super(config, new StringDeserializer(), new StringDeserializer());
        }

        @Override
        public void close() {
            close(Duration.ZERO);
        }
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
