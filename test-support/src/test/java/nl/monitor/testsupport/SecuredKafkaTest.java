package nl.monitor.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secured test broker: SASL_SSL with SCRAM users, and ACLs that refuse what they do not allow. */
class SecuredKafkaTest {

    private static KafkaProcess kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaProcess.startSecured(Path.of("target/secured-kafka-test"),
                Map.of("writer", KafkaSecurity.secret(), "stranger", KafkaSecurity.secret()));
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("guarded", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "guarded",
                    PatternType.LITERAL), new AccessControlEntry("User:writer", "*", AclOperation.WRITE,
                    AclPermissionType.ALLOW)))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aUserWithAnAclWritesOverSaslSsl() throws Exception {
        try (KafkaProducer<String, String> producer = producer(kafka.clientProperties("writer"))) {
            assertThat(producer.send(new ProducerRecord<>("guarded", "k", "v")).get(30, TimeUnit.SECONDS).offset())
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aUserWithoutAnAclIsRefusedByTheBroker() {
        try (KafkaProducer<String, String> producer = producer(kafka.clientProperties("stranger"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("guarded", "k", "forged"))
                    .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordDoesNotAuthenticate() {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties("writer"));
        properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"writer\" password=\"not-the-password\";");
        try (KafkaProducer<String, String> producer = producer(properties)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("guarded", "k", "v"))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void plaintextIsNotSpokenAtAll() {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties("writer"));
        properties.keySet().removeIf(k -> k.startsWith("ssl.") || k.startsWith("sasl.") || k.equals("security.protocol"));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        try (KafkaProducer<String, String> producer = producer(properties)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("guarded", "k", "v"))
                    .get(30, TimeUnit.SECONDS)).isInstanceOf(Exception.class);
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> properties) {
        Map<String, Object> config = new HashMap<>(properties);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
