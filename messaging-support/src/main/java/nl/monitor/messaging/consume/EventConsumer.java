package nl.monitor.messaging.consume;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.monitor.messaging.KafkaClients;
import nl.monitor.messaging.MessagingConfig;
import nl.monitor.messaging.Topics;
import nl.monitor.messaging.consume.EventBatchProcessor.Poison;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The service's one Kafka consumer: all topics it has an {@link EventHandler} for, in the consumer group named after
 * the service, so that any number of instances share the partitions. One thread polls a batch, has the
 * {@link EventBatchProcessor} process it in one transaction, and only then commits the batch's offsets.
 * <p>
 * The failure rules: a poison record is dead-lettered alone by the processor. Any other fault (database, broker,
 * timeout) is retried with exponential backoff for as long as it takes: the partitions are paused meanwhile (the
 * consumer keeps polling, so it keeps its place in the group), nothing past the batch is committed, readiness is
 * DOWN ({@link #stall()}), and processing goes on by itself when the fault is gone. Should the group take some of
 * the batch's partitions away meanwhile, the batch is dropped and its partitions that stay are rewound to it.
 * On shutdown the batch in hand is finished and committed first.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** A fault the consumer is retrying. */
    public record Stall(Instant since, int attempts, String fault) {
    }

    private final EventBatchProcessor processor;
    private final Topics topics;
    private final MessagingConfig config;
    private final KafkaClients clients;
    private final ConsumerLag lag;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Stall stall;
    private volatile boolean rebalanced;
    private volatile int assigned;
    /** Offsets of processed records not committed yet (only touched by the consumer thread). */
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();

    public EventConsumer(EventBatchProcessor processor, Topics topics, MessagingConfig config, KafkaClients clients,
                         ConsumerLag lag) {
        this.processor = processor;
        this.lag = lag;
        this.clients = clients;
        this.topics = topics;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (processor.topics().isEmpty() || !config.consumer().enabled()) {
            return;
        }
        running = true;
        lag.consuming(processor.topics());
        thread = new Thread(this::run, "event-consumer");
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        Thread consuming = thread;
        if (consuming == null) {
            return;
        }
        running = false;
        stopping.countDown();
        if (!stopped.await(config.consumer().drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("The consumer did not finish its batch within %s; its offsets stay uncommitted and the "
                    + "records are processed again (idempotently) by whoever gets the partitions",
                    config.consumer().drainTimeout());
        }
    }

    /** Whether this instance runs a consumer at all. */
    public boolean active() {
        return thread != null;
    }

    /** The fault being retried now, if any. */
    public Optional<Stall> stall() {
        return Optional.ofNullable(stall);
    }

    /** How many partitions this instance holds now. */
    public int assignedPartitions() {
        return assigned;
    }

    private void run() {
        int attempt = 0;
        try {
            while (running) {
                try (KafkaConsumer<String, String> consumer = newConsumer()) {
                    consume(consumer);
                } catch (RuntimeException e) {
                    attempt++;
                    stalled(e, attempt);
                    LOG.warnf("The consumer stopped on %s; starting again in %s", e, backoff(attempt));
                    await(backoff(attempt));
                }
            }
        } finally {
            stall = null;
            // Logged before the shutdown waiting on it may go on: the JVM can end right after the count-down.
            LOG.info("The consumer stopped");
            stopped.countDown();
        }
    }

    private void consume(KafkaConsumer<String, String> consumer) {
        int attempt = 0;
        while (running && !topics.ensure()) {
            await(backoff(++attempt));
        }
        consumer.subscribe(processor.topics(), new Rebalances(consumer));
        LOG.infof("Consuming %s as group %s", processor.topics(), config.serviceName());
        while (running) {
            ConsumerRecords<String, String> polled = consumer.poll(config.consumer().pollTimeout());
            lag.update(consumer);
            commitPending(consumer);
            if (polled.isEmpty()) {
                continue;
            }
            List<ConsumerRecord<String, String>> batch = new ArrayList<>(polled.count());
            polled.forEach(batch::add);
            if (processUntilDone(consumer, batch)) {
                commit(consumer, batch);
            }
        }
        settle(consumer);
    }

    /**
     * On shutdown, before the consumer closes: offsets a rebalance under way kept from being committed are committed
     * once it completes, polling with every partition paused (nothing more is processed) for up to half the drain
     * timeout. Closed while a rebalance is under way, the Kafka client reports the partitions as lost, not revoked, and
     * their offsets would stay uncommitted: the next owner would process those records again.
     */
    private void settle(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + config.consumer().drainTimeout().toNanos() / 2;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            consumer.pause(consumer.assignment());
            rewind(consumer, consumer.poll(Duration.ofMillis(100)));
            KafkaException refused = tryCommitPending(consumer);
            if (refused != null && !(refused instanceof RebalanceInProgressException)) {
                break; // not a rebalance that polling completes
            }
        }
        if (!pending.isEmpty()) {
            LOG.infof("The offsets of %d partition(s) could not be committed before closing; whoever gets them "
                    + "processes those records again (idempotently)", pending.size());
        }
    }

    /** Processes the batch, retrying transient faults; false when the batch was given up (rebalance, shutdown). */
    private boolean processUntilDone(KafkaConsumer<String, String> consumer,
                                     List<ConsumerRecord<String, String>> batch) {
        int attempt = 0;
        while (true) {
            try {
                processor.process(batch, Poison.DEAD_LETTER);
                if (stall != null) {
                    LOG.infof("Processing goes on after %d attempt(s): %d record(s) done", stall.attempts(),
                            batch.size());
                    stall = null;
                }
                return true;
            } catch (RuntimeException e) {
                attempt++;
                stalled(e, attempt);
                Duration wait = backoff(attempt);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Transient fault processing %d record(s) (attempt %d), partitions paused, retrying in "
                                    + "%s: %s",
                            batch.size(), attempt, wait, rootCause(e));
                }
                if (!running || !waitPaused(consumer, wait)) {
                    rewind(consumer, batch);
                    return false;
                }
            }
        }
    }

    /** Waits with every partition paused, polling to stay in the group; false when the group rebalanced. */
    private boolean waitPaused(KafkaConsumer<String, String> consumer, Duration wait) {
        rebalanced = false;
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (running && !rebalanced && System.nanoTime() < deadline) {
                consumer.pause(consumer.assignment());
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(
                        Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000))));
                // a partition assigned during the wait was not paused yet: fetch its records again later
                rewind(consumer, polled);
            }
        } finally {
            consumer.resume(consumer.paused());
        }
        return running && !rebalanced;
    }

    private static void rewind(KafkaConsumer<String, String> consumer,
                               Iterable<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /**
     * Commits the offsets after the batch, with any earlier ones a rebalance kept from being committed. A commit that
     * fails (a rebalance under way) is tried again after the next poll and when the partitions are revoked: else the
     * group would show lag for records that are done until more arrive on their partitions.
     */
    private void commit(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> batch) {
        for (ConsumerRecord<String, String> record : batch) {
            pending.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1), (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        commitPending(consumer);
    }

    private void commitPending(KafkaConsumer<String, String> consumer) {
        KafkaException refused = tryCommitPending(consumer);
        if (refused != null) {
            // Processed and marked: committed with the next batch, after the next poll, or on revocation; whoever
            // reads these records again meanwhile skips them as duplicates.
            LOG.infof("Could not commit the offsets of %d partition(s) yet (%s); trying again", pending.size(),
                    refused.toString());
        }
    }

    /** Commits the pending offsets of the partitions still assigned; why it could not, or null. */
    private KafkaException tryCommitPending(KafkaConsumer<String, String> consumer) {
        if (pending.isEmpty()) {
            return null;
        }
        pending.keySet().retainAll(consumer.assignment());
        try {
            consumer.commitSync(pending);
            pending.clear();
            return null;
        } catch (KafkaException e) {
            return e;
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        MessagingConfig.Consumer settings = config.consumer();
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.serviceName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-"
                + settings.instanceId().orElse(UUID.randomUUID().toString().substring(0, 8)));
        settings.instanceId().ifPresent(id -> properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.sessionTimeout().toMillis() / 4);
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return new KafkaConsumer<>(clients.consumer(properties), new StringDeserializer(), new StringDeserializer());
    }

    private Duration backoff(int attempt) {
        long initial = config.consumer().backoffInitial().toMillis();
        long max = config.consumer().backoffMax().toMillis();
        return Duration.ofMillis(Math.min(max, initial << Math.min(attempt - 1, 20)));
    }

    private void stalled(RuntimeException e, int attempt) {
        Stall previous = stall;
        stall = new Stall(previous == null ? Instant.now() : previous.since(), attempt, rootCause(e));
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + cause;
    }

    private void await(Duration wait) {
        try {
            stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private final class Rebalances implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> consumer;

        Rebalances(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            partitions.forEach(partition -> {
                OffsetAndMetadata offset = pending.remove(partition);
                if (offset != null) {
                    done.put(partition, offset);
                }
            });
            if (!done.isEmpty()) {
                try {
                    consumer.commitSync(done);
                } catch (KafkaException e) {
                    LOG.infof("Could not commit the offsets of revoked %s (%s); the next owner skips those records "
                            + "as duplicates", done.keySet(), e.toString());
                }
            }
            lose(partitions, "Partitions revoked: %s");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            int uncommitted = (int) partitions.stream().filter(pending::containsKey).count();
            pending.keySet().removeAll(partitions);
            lose(partitions, "Partitions lost (this member was fenced, e.g. its session expired): %s; the next owner "
                    + "reads again what " + uncommitted + " of them had processed but not committed, and skips it as "
                    + "duplicates");
        }

        private void lose(Collection<TopicPartition> partitions, String message) {
            if (!partitions.isEmpty()) {
                rebalanced = true;
                LOG.infof(message, partitions);
            }
            assigned = consumer.assignment().size() - partitions.size();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned = consumer.assignment().size();
            if (!partitions.isEmpty()) {
                LOG.infof("Partitions assigned: %s (%d in all)", partitions, assigned);
            }
        }
    }
}
