package nl.monitor.messaging.consume;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.commit.KafkaLatestCommit;
import io.vertx.mutiny.core.Vertx;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's commit strategy against a consumer whose first commits a rebalance refuses: the connector's own
 * strategies drop such an offset until a later record of the partition is acknowledged; this one commits it again.
 */
class AcknowledgedOffsetsCommitTest {

    private static final TopicPartition P0 = new TopicPartition("survey-submitted", 0);
    private static final TopicPartition P1 = new TopicPartition("survey-submitted", 1);

    private Vertx vertx;
    private final MockConsumer<String, String> kafka = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final List<Map<TopicPartition, OffsetAndMetadata>> committed = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private AcknowledgedOffsetsCommit strategy;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        kafka.assign(List.of(P0, P1));
        kafka.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        strategy = new AcknowledgedOffsetsCommit(vertx, consumer(), new PartitionOwnership(), Duration.ofSeconds(1));
    }

    @AfterEach
    void tearDown() {
        vertx.closeAndAwait();
    }

    @Test
    void an_offset_whose_commit_was_refused_is_committed_again_without_another_acknowledgement() {
        refusals.set(2);
        acknowledge(P0, 41);
        await().atMost(Duration.ofSeconds(10)).until(() -> highest(P0) == 42L);
        assertThat(refusals.get()).as("both refusals were met").isZero();
    }

    @Test
    void the_connectors_latest_strategy_drops_an_offset_whose_commit_was_refused() {
        // The same refusal met by the connector's strategy (the one that commits on every acknowledgement) and by
        // ours: once ours has committed the offset again, the connector's has still not, and never will without a
        // later acknowledgement of the partition.
        List<Map<TopicPartition, OffsetAndMetadata>> ours = committed;
        AcknowledgedOffsetsCommitTest connectors = new AcknowledgedOffsetsCommitTest();
        connectors.vertx = vertx;
        KafkaLatestCommit latest = new KafkaLatestCommit(vertx, new KafkaConnectorIncomingConfiguration(
                new SmallRyeConfigBuilder().withDefaultValues(Map.of("channel-name", "events",
                        "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer")).build()),
                connectors.consumer());
        latest.capture(vertx.getOrCreateContext());
        connectors.refusals.set(1);
        refusals.set(1);
        latest.handle(record(P0, 41, latest)).await().atMost(Duration.ofSeconds(5));
        acknowledge(P0, 41);
        await().atMost(Duration.ofSeconds(10)).until(() -> highest(P0) == 42L);
        assertThat(connectors.refusals.get()).as("the connector's commit was refused").isZero();
        assertThat(connectors.committed).as("what the connector's strategy committed after the refusal").isEmpty();
        assertThat(ours).isNotEmpty();
    }

    @Test
    void acknowledged_offsets_are_committed_and_only_ever_move_forward() {
        acknowledge(P0, 3);
        acknowledge(P0, 9);
        acknowledge(P1, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> highest(P0) == 10L && highest(P1) == 6L);
        assertThat(committed).allSatisfy(offsets -> offsets.values()
                .forEach(offset -> assertThat(offset.offset()).isIn(4L, 10L, 6L)));
    }

    @Test
    void stopping_during_a_rebalance_completes_it_and_then_commits_what_is_pending() {
        refusals.set(Integer.MAX_VALUE);
        acknowledge(P0, 20);
        await().atMost(Duration.ofSeconds(5)).until(() -> refusals.get() < Integer.MAX_VALUE);
        refusals.set(3); // the rebalance refuses the next three commits, then is complete
        strategy.terminate(true);
        assertThat(highest(P0)).as("P0 committed when stopping").isEqualTo(21L);
        assertThat(polls.get()).as("polls that completed the rebalance").isPositive();
    }

    @Test
    void a_revocation_during_a_batch_waits_for_it_and_later_batches_leave_the_revoked_records_alone() throws Exception {
        PartitionOwnership ownership = new PartitionOwnership();
        strategy = new AcknowledgedOffsetsCommit(vertx, consumer(), ownership, Duration.ofSeconds(30));
        strategy.partitionsAssigned(List.of(P0, P1));
        int generation = kafka.groupMetadata().generationId();
        assertThat(ownership.begin(List.of(new ConsumerRecord<>(P0.topic(), 0, 30L, "GM0014", "{}")), generation))
                .as("the batch in hand").hasSize(1);
        Thread revoking = new Thread(() -> strategy.partitionsRevoked(Set.of(P0)), "polling thread");
        revoking.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> revoking.getState() == Thread.State.TIMED_WAITING);
        assertThat(revoking.isAlive()).as("the revocation waits for the batch in hand").isTrue();
        acknowledge(P0, 30);
        ownership.end();
        revoking.join(Duration.ofSeconds(5).toMillis());
        assertThat(revoking.isAlive()).as("the revocation went on once the batch was done").isFalse();
        assertThat(kafka.committed(Set.of(P0)).get(P0).offset()).as("the batch's offset committed").isEqualTo(31);
        List<ConsumerRecord<String, String>> later = ownership.begin(List.of(
                new ConsumerRecord<>(P0.topic(), 0, 31L, "GM0014", "{}"),
                new ConsumerRecord<>(P1.topic(), 1, 8L, "GM0034", "{}")), generation);
        ownership.end();
        assertThat(later).as("a later batch: only the partition still owned")
                .extracting(ConsumerRecord::partition).containsExactly(1);
        // P0 back in a later generation: what was polled before that is read again from the committed offset
        ownership.assigned(List.of(P0), generation + 1);
        assertThat(ownership.begin(List.of(new ConsumerRecord<>(P0.topic(), 0, 31L, "GM0014", "{}")), generation))
                .as("a batch polled before P0 came back").isEmpty();
        ownership.end();
        assertThat(ownership.begin(List.of(new ConsumerRecord<>(P0.topic(), 0, 31L, "GM0014", "{}")), generation + 1))
                .as("a batch polled after").hasSize(1);
        ownership.end();
    }

    @Test
    void revoked_partitions_take_their_pending_offsets_with_them_and_the_rest_are_committed_on_stop() {
        refusals.set(Integer.MAX_VALUE); // nothing gets through the asynchronous commits
        acknowledge(P0, 7);
        acknowledge(P1, 12);
        await().atMost(Duration.ofSeconds(5)).until(() -> refusals.get() < Integer.MAX_VALUE);
        refusals.set(0);
        strategy.partitionsRevoked(Set.of(P0));
        assertThat(kafka.committed(Set.of(P0)).get(P0).offset()).as("P0 committed on revocation").isEqualTo(8);
        strategy.terminate(true);
        assertThat(highest(P1)).as("P1 committed when stopping").isEqualTo(13L);
    }

    private void acknowledge(TopicPartition partition, long offset) {
        strategy.handle(record(partition, offset, strategy)).await().atMost(Duration.ofSeconds(5));
    }

    private static IncomingKafkaRecord<String, String> record(TopicPartition partition, long offset,
                                                              KafkaCommitHandler handler) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                "GM0014", "{}"), "events", 0, handler, null, false, false);
    }

    private Long highest(TopicPartition partition) {
        return committed.stream().map(offsets -> offsets.get(partition)).filter(o -> o != null)
                .map(OffsetAndMetadata::offset).max(Long::compare).orElse(-1L);
    }

    /**
     * The connector's consumer, as far as a commit strategy uses it: commit and commitAsync (the connector's own
     * strategies), the polling thread and unwrap (ours), all on a mock Kafka consumer whose commits are refused while
     * refusals last.
     */
    @SuppressWarnings("unchecked")
    private KafkaConsumer<String, String> consumer() {
        Consumer<String, String> client = client();
        return (KafkaConsumer<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KafkaConsumer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "commit", "commitAsync" -> {
                        try {
                            client.commitSync((Map<TopicPartition, OffsetAndMetadata>) args[0]);
                            yield Uni.createFrom().voidItem();
                        } catch (RuntimeException e) {
                            yield Uni.createFrom().failure(e);
                        }
                    }
                    case "runOnPollingThread" -> {
                        try {
                            if (args[0] instanceof java.util.function.Consumer<?> action) {
                                ((java.util.function.Consumer<Consumer<String, String>>) action).accept(client);
                                yield Uni.createFrom().voidItem();
                            }
                            yield Uni.createFrom().item(((Function<Consumer<String, String>, ?>) args[0]).apply(client));
                        } catch (RuntimeException e) {
                            yield Uni.createFrom().failure(e);
                        }
                    }
                    case "unwrap" -> client;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake connector consumer";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The mock Kafka consumer: commits refused (a rebalance under way) while refusals last, and polls counted. */
    @SuppressWarnings("unchecked")
    private Consumer<String, String> client() {
        return (Consumer<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commitSync")) {
                        if (refusals.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                            throw new RebalanceInProgressException("rebalancing");
                        }
                        committed.add(Map.copyOf((Map<TopicPartition, OffsetAndMetadata>) args[0]));
                    } else if (method.getName().equals("poll")) {
                        polls.incrementAndGet();
                    }
                    try {
                        return method.invoke(kafka, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
