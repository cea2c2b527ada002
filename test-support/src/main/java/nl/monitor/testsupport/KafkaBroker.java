package nl.monitor.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * One real single-node Kafka broker (KRaft, combined broker and controller) per JVM, started on first use from the
 * Kafka jars, bound to 127.0.0.1, stopped when the JVM exits.
 */
public final class KafkaBroker {

    /** Partitions of every topic, as the services create theirs ({@code monitor.kafka.partitions}). */
    public static final int PARTITIONS = 12;

    private static KafkaBroker shared;

    private final KafkaClusterTestKit cluster;

    private KafkaBroker() throws Exception {
        long start = System.nanoTime();
        // An embedded broker must never end the JVM it lives in: Kafka halts the process on some faults (a log dir
        // failing, e.g. when the JVM is stopping while a write is under way), which killed test JVMs with a non-zero
        // exit after their tests had passed. Say it instead; a broker that is really broken fails the tests anyway.
        Exit.setHaltProcedure((status, message) -> System.err.printf(
                "[test-support] Kafka asked to halt the JVM (status %d): %s%n", status, message));
        Exit.setExitProcedure((status, message) -> System.err.printf(
                "[test-support] Kafka asked to exit the JVM (status %d): %s%n", status, message));
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", Integer.toString(PARTITIONS))
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "kafka-broker-stop"));
        System.out.printf("[test-support] Kafka broker ready at %s in %d ms%n", bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The broker of this JVM, started on the first call. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            try {
                shared = new KafkaBroker();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the Kafka broker", e);
            }
        }
        return shared;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics that do not exist yet, with {@link #PARTITIONS} partitions each. */
    public void createTopics(String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> topics = Arrays.stream(names).map(n -> new NewTopic(n, PARTITIONS, (short) 1)).toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic", e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("[test-support] Kafka broker did not stop cleanly: " + e);
        }
    }
}
