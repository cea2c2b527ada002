package nl.monitor.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** {@code monitor.*}: how this service talks to Kafka outside the SmallRye channels. */
@ConfigMapping(prefix = "monitor")
public interface MessagingConfig {

    /** The service name, used as CloudEvents source ({@code /<name>}) and to key processed events. */
    @WithName("service-name")
    String serviceName();

    /** The brokers; the same property SmallRye Kafka reads. */
    Kafka kafka();

    Outbox outbox();

    interface Kafka {
        @WithName("bootstrap-servers")
        @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
        String bootstrapServers();
    }

    interface Outbox {
        /** Events relayed per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker's acknowledgements of one batch. */
        @WithDefault("30s")
        Duration sendTimeout();
    }
}
