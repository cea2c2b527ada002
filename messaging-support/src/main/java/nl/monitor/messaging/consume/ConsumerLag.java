package nl.monitor.messaging.consume;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's consumer lag, exported by the service itself ({@code monitor_consumer_lag{topic}}): the records
 * between its position and the end of each partition it holds, summed per topic, as the live consumer's Kafka client
 * knows them from its last fetches (sampled every {@code monitor.metrics.lag-interval}, 5 s, on the connector's polling
 * thread). Summed over the instances of a service it is the group's lag, with no Kafka exporter needed. 0 for a topic
 * it holds no partition of.
 */
@ApplicationScoped
public class ConsumerLag {

    private final MeterRegistry registry;
    private final KafkaClientService clients;
    private final EventBatchProcessor processor;
    private final Map<String, AtomicLong> byTopic = new ConcurrentHashMap<>();

    public ConsumerLag(MeterRegistry registry, KafkaClientService clients, EventBatchProcessor processor) {
        this.registry = registry;
        this.clients = clients;
        this.processor = processor;
    }

    /** Registers the series of the topics consumed (0 until the first sample), so they exist from the start. */
    void consuming(@Observes StartupEvent start) {
        processor.topics().forEach(this::gauge);
    }

    @Scheduled(every = "${monitor.metrics.lag-interval:5s}", delayed = "${monitor.metrics.lag-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(EventConsumer.CHANNEL);
        if (consumer != null) {
            try {
                consumer.runOnPollingThread(this::update).await().atMost(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                // the consumer closing, or busy with a rebalance: the next sample tells
            }
        }
    }

    /** On the consumer's thread: the lag Kafka's client knows from its last fetch of each partition. */
    void update(Consumer<?, ?> consumer) {
        Map<String, Long> lag = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(records -> lag.merge(partition.topic(), records, Long::sum));
        }
        byTopic.forEach((topic, value) -> value.set(lag.getOrDefault(topic, 0L)));
        lag.forEach((topic, records) -> gauge(topic).set(records));
    }

    /** The lag now exported for a topic. */
    public long of(String topic) {
        AtomicLong value = byTopic.get(topic);
        return value == null ? 0 : value.get();
    }

    private AtomicLong gauge(String topic) {
        return byTopic.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("monitor.consumer.lag", value, AtomicLong::get)
                    .description("Records not yet consumed on the partitions this instance holds, as of its last poll")
                    .tag("topic", t).register(registry);
            return value;
        });
    }
}
