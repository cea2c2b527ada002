package nl.monitor.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one Kafka configuration of every client a service makes (the outbox relay's producer, the consumers, the
 * replay's consumer, the topic administration): every {@code kafka.*} property, as Quarkus collects it for its
 * {@code default-kafka-broker} (so {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION} … set by environment variables alone reach
 * them all), under the settings the platform makes itself for its guarantees, which win.
 * <p>
 * A property that Kafka knows only for other kinds of client is left out of a client's configuration (the
 * {@code group.id} Quarkus adds is a consumer's, not a producer's); one Kafka does not know at all (a plugin's own) is
 * passed to every client.
 */
@ApplicationScoped
public class KafkaClients {

    /** Where the brokers are when {@code kafka.bootstrap.servers} is not set. */
    static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    private static final Set<String> CONSUMER = ConsumerConfig.configNames();
    private static final Set<String> PRODUCER = ProducerConfig.configNames();
    private static final Set<String> ADMIN = AdminClientConfig.configNames();

    private final Map<String, Object> common;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP);
        this.common = Map.copyOf(properties);
    }

    /** A consumer's configuration: the common properties a consumer takes, then {@code own} over them. */
    public Map<String, Object> consumer(Map<String, Object> own) {
        return merge(CONSUMER, own);
    }

    /** A producer's configuration: the common properties a producer takes, then {@code own} over them. */
    public Map<String, Object> producer(Map<String, Object> own) {
        return merge(PRODUCER, own);
    }

    /** An admin client's configuration: the common properties an admin client takes, then {@code own} over them. */
    public Map<String, Object> admin(Map<String, Object> own) {
        return merge(ADMIN, own);
    }

    private Map<String, Object> merge(Set<String> known, Map<String, Object> own) {
        Map<String, Object> properties = new HashMap<>();
        common.forEach((name, value) -> {
            if (known.contains(name) || !knownToAnyClient(name)) {
                properties.put(name, value);
            }
        });
        properties.putAll(own);
        return properties;
    }

    private static boolean knownToAnyClient(String name) {
        return CONSUMER.contains(name) || PRODUCER.contains(name) || ADMIN.contains(name);
    }
}
