package nl.monitor.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code monitor.*}: how this service talks to Kafka. */
@ConfigMapping(prefix = "monitor")
public interface MessagingConfig {

    /** The service name: CloudEvents source ({@code /<name>}), consumer group, and the key of processed events. */
    @WithName("service-name")
    String serviceName();

    Kafka kafka();

    Outbox outbox();

    Consumer consumer();

    interface Kafka {
        /**
         * The event topics this service publishes to (besides its own dead-letter topics): its Kafka principal may
         * write these only ({@code deploy/kafka-users}), so the outbox refuses any other at once instead of the broker
         * refusing it at relay time. Unset: any.
         */
        @WithName("published-topics")
        Optional<Set<String>> publishedTopics();

        /**
         * The event topics this service consumes: exactly the topics it has an {@code EventHandler} for (checked at
         * start), which its Kafka principal may read ({@code deploy/kafka-users}) and its autoscaler watches. Unset:
         * not checked (a service without handlers consumes nothing).
         */
        @WithName("consumed-topics")
        Optional<Set<String>> consumedTopics();

        /** Create the platform's topics and this service's dead-letter topics at start when they are missing. */
        @WithDefault("true")
        boolean createTopics();

        /**
         * Partitions of a topic the service creates. Records are keyed by municipality, so this bounds how many
         * instances of a consumer can share the work; it cannot be lowered later, and raising it moves keys.
         */
        @WithDefault("12")
        int partitions();

        /** Replication factor of a topic the service creates (1 on a single local broker, 3 in production). */
        @WithDefault("1")
        short replicationFactor();

        /**
         * The largest record the producer sends, in bytes; the broker's {@code message.max.bytes} must be at least
         * this. A submission is limited far below it at the door (256 KB body, 2,000 characters per text).
         */
        @WithDefault("1048576")
        int maxRequestSize();
    }

    interface Outbox {
        /** How often the relay looks for rows besides right after each commit (after a crash, or Kafka away). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Events relayed per transaction. */
        @WithDefault("1000")
        int batchSize();

        /** How long the relay waits for the broker's acknowledgements of one batch. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** How long the producer waits to fill a batch of records per partition. */
        @WithDefault("5ms")
        Duration linger();

        /** Compression of the relayed batches: none, gzip, snappy, lz4 or zstd. */
        @WithDefault("lz4")
        String compression();
    }

    /**
     * The live consumer ({@code EventConsumer} on the Kafka connector's channel {@code events}, configured in
     * messaging-support's {@code META-INF/microprofile-config.properties}; any {@code mp.messaging.incoming.events.*}
     * property overrides it there).
     */
    interface Consumer {
        /** Records per batch and database transaction (the channel's {@code max.poll.records}). */
        @WithDefault("500")
        int batchSize();

        /** First wait after a transient fault; doubled per attempt up to {@link #backoffMax()}. */
        @WithDefault("200ms")
        Duration backoffInitial();

        @WithDefault("15s")
        Duration backoffMax();

        /**
         * A stable name of this instance (e.g. the pod name of a StatefulSet): the channel's
         * {@code group.instance.id}, static group membership, so that a restarted instance gets its partitions back at
         * once, without a rebalance.
         */
        Optional<String> instanceId();

        /** How long a stopping instance may take to finish the batch in hand before the connector closes. */
        @WithDefault("20s")
        Duration drainTimeout();

        /**
         * How long the connector's polling thread is held at a time while a batch is in hand and the partitions are
         * paused ({@code PausedPolling}); 0 lets the connector poll them every 2 ms, as it does by itself.
         */
        @WithDefault("100ms")
        Duration pausedPollHold();
    }
}
