package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.monitor.client.reporting.model.MunicipalityScoreView;
import nl.monitor.testsupport.KafkaProcess;
import nl.monitor.testsupport.KafkaSecurity;
import nl.monitor.testsupport.KafkaUsers;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import nl.monitor.testsupport.WebhookReceiver;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kafka as production runs it: the four packaged services against a broker that speaks only {@code SASL_SSL}, each
 * service with a SCRAM principal of its own and exactly the ACLs of {@code deploy/kafka-users} (StandardAuthorizer,
 * nothing allowed that no ACL names), configured by environment variables alone ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_JAAS_CONFIG}, ...), topics made by the administrator as Strimzi's topic operator would.
 */
class SecuredKafkaIT {

    private static final Path ROOT = RunningPlatform.ROOT;
    private static final Path WORK = ROOT.resolve("end-to-end-tests/target/secured-kafka");
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String SECRET = "secured-kafka-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaProcess kafka;
    private static PostgresServer postgres;
    private static Platform platform;
    private static WebhookReceiver receiver;
    private static Map<String, KafkaUsers.User> users;

    @BeforeAll
    static void startPlatform() throws Exception {
        users = KafkaUsers.of(ROOT);
        Map<String, String> passwords = new LinkedHashMap<>();
        users.keySet().forEach(user -> passwords.put(user, KafkaSecurity.secret()));
        kafka = KafkaProcess.startSecured(WORK.resolve("kafka"), passwords);
        try (Admin admin = kafka.admin()) {
            Set<String> topics = new TreeSet<>();
            List<AclBinding> acls = new ArrayList<>();
            users.values().forEach(user -> {
                acls.addAll(user.bindings());
                topics.addAll(user.allowed(ResourceType.TOPIC, AclOperation.READ));
                topics.addAll(user.allowed(ResourceType.TOPIC, AclOperation.WRITE));
            });
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all()
                    .get(60, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
        }
        postgres = PostgresServer.own(WORK.resolve("postgres"));
        Map<String, String> config = new LinkedHashMap<>(MonitorInfrastructure.config(kafka.bootstrapServers(),
                postgres));
        config.remove("kafka.bootstrap.servers");
        config.put("monitor.kafka.create-topics", "false");
        config.put("monitor.kafka.partitions", "3");
        Map<String, Map<String, String>> perService = new HashMap<>();
        for (String service : Platform.SERVICES.keySet()) {
            Map<String, String> environment = new LinkedHashMap<>();
            kafka.clientProperties(service).forEach((name, value) -> environment.put(
                    "KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), String.valueOf(value)));
            perService.put(service, environment);
        }
        platform = Platform.start(ROOT, config, perService, Map.of(), false, WORK.resolve("service-logs"));
        receiver = new WebhookReceiver(Platform.freePort(), SECRET, call -> { });
    }

    @AfterAll
    static void stopPlatform() {
        if (receiver != null) {
            receiver.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void every_service_has_a_principal_with_scram_and_only_allow_rules() {
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(Platform.SERVICES.keySet());
        assertThat(users.values()).allSatisfy(user -> assertThat(user.authentication()).isEqualTo("scram-sha-512"));
    }

    @Test
    void a_failing_assessment_goes_from_submission_to_a_signed_webhook_over_sasl_ssl() throws Exception {
        Clients.subscribeWebhook(platform, "Groningen", receiver.url(), SECRET, "secured Kafka");
        Clients.submit(platform, TestTokens.respondent("GM0014"),
                Files.readString(ROOT.resolve("local-run/demo/failing-assessment.json")));

        List<WebhookReceiver.Call> calls = receiver.await(call -> Api.read(call.body()).path("municipality").asText()
                .equals("GM0014"), 1, DEADLINE);
        assertThat(calls.get(0).signatureValid()).as("signature").isTrue();
        JsonNode alert = Api.read(calls.get(0).body());
        assertThat(alert.path("direction").asText()).isEqualTo("DOWN");
        assertThat(alert.path("newScore").asDouble()).isEqualTo(20.0);
        assertThat(reported("GM0014", 2017).getTotal()).isEqualTo(20.0);
    }

    @Test
    void a_score_forged_with_the_survey_services_principal_is_refused_by_the_broker_and_never_reported()
            throws Exception {
        Clients.submit(platform, TestTokens.respondent("GM0034"),
                Files.readString(ROOT.resolve("local-run/demo/failing-assessment.json")).replace("GM0014", "GM0034"));
        double real = reported("GM0034", 2017).getTotal();

        ConsumerRecord<String, String> genuine = TopicReader.readAll(kafka.clientProperties(KafkaSecurity.ADMIN),
                "score-computed").stream().filter(r -> "GM0034".equals(r.key())).findFirst().orElseThrow();
        ObjectNode forged = (ObjectNode) JSON.readTree(genuine.value());
        String forgedId = UUID.randomUUID().toString();
        forged.put("id", forgedId);
        // a later version with full marks: were it accepted, the read model would take it over the genuine one
        ((ObjectNode) forged.path("data")).put("totalScore", 100.0).put("submissionVersion", 99);

        Map<String, Object> surveyPrincipal = new HashMap<>(kafka.clientProperties("survey-service"));
        surveyPrincipal.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        surveyPrincipal.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        surveyPrincipal.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(surveyPrincipal, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("score-computed", "GM0034",
                    JSON.writeValueAsString(forged))).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }

        // The pipeline goes on: a later genuine score of another municipality is reported; the forged one never is.
        Clients.submit(platform, TestTokens.respondent("GM0037"),
                Files.readString(ROOT.resolve("local-run/demo/improved-assessment.json")).replace("GM0014", "GM0037"));
        reported("GM0037", 2017);
        assertThat(TopicReader.readAll(kafka.clientProperties(KafkaSecurity.ADMIN), "score-computed"))
                .noneMatch(r -> r.value().contains(forgedId));
        assertThat(reported("GM0034", 2017).getTotal()).isEqualTo(real).isNotEqualTo(100.0);
    }

    private static MunicipalityScoreView reported(String municipality, int year) {
        return Clients.awaitReported(platform, municipality, year, DEADLINE);
    }
}
