package nl.monitor.messaging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientsTest {

    /** What Quarkus's default-kafka-broker map holds with a secured cluster configured by environment variables. */
    private static final Map<String, Object> SECURED = Map.of(
            "bootstrap.servers", "monitor-kafka-bootstrap.kafka.svc:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"scoring-service\" password=\"s3cret\";",
            "ssl.truststore.location", "/etc/kafka-ca/ca.p12",
            "ssl.truststore.type", "PKCS12",
            "group.id", "scoring-service-app",
            "tls-configuration-name", "kafka-tls");

    private final KafkaClients clients = new KafkaClients(SECURED);

    @Test
    void everyKindOfClientGetsTheSecuritySettings() {
        for (Map<String, Object> config : new Map[] {clients.consumer(Map.of()), clients.producer(Map.of()),
                clients.admin(Map.of())}) {
            assertThat(config).containsEntry("bootstrap.servers", "monitor-kafka-bootstrap.kafka.svc:9093")
                    .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.p12")
                    .containsKey("sasl.jaas.config")
                    // not a Kafka property: a plugin's own (Quarkus's TLS registry) reaches every client
                    .containsEntry("tls-configuration-name", "kafka-tls");
        }
    }

    @Test
    void aConsumerPropertyStaysWithConsumers() {
        assertThat(clients.consumer(Map.of())).containsEntry("group.id", "scoring-service-app");
        assertThat(clients.producer(Map.of())).doesNotContainKey("group.id");
        assertThat(clients.admin(Map.of())).doesNotContainKey("group.id");
    }

    @Test
    void thePlatformsOwnSettingsWin() {
        KafkaClients tuned = new KafkaClients(Map.of("enable.auto.commit", "true", "acks", "1",
                "max.poll.interval.ms", "600000"));
        assertThat(tuned.consumer(Map.of("enable.auto.commit", false)))
                .containsEntry("enable.auto.commit", false)
                .containsEntry("max.poll.interval.ms", "600000");
        assertThat(tuned.producer(Map.of("acks", "all"))).containsEntry("acks", "all");
    }

    @Test
    void withoutBootstrapServersTheLocalBroker() {
        KafkaClients local = new KafkaClients(Map.of());
        assertThat(local.consumer(Map.of())).containsEntry("bootstrap.servers", KafkaClients.DEFAULT_BOOTSTRAP);
        assertThat(local.admin(Map.of())).containsEntry("bootstrap.servers", "localhost:9092");
    }
}
