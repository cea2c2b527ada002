package nl.monitor.testsupport;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfrastructureTest {

    @Test
    void a_record_produced_to_the_real_broker_is_read_back() throws Exception {
        try (TopicReader reader = new TopicReader("test-support-roundtrip");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("test-support-roundtrip", "GM0363", "hello")).get();

            assertThat(reader.await(r -> r.key().equals("GM0363"), 1, Duration.ofSeconds(30)))
                    .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("hello"));
        }
    }

    @Test
    void sql_round_trips_through_the_real_postgresql() throws Exception {
        try (Connection connection = PostgresServer.shared().connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA IF NOT EXISTS roundtrip");
            sql.execute("CREATE TABLE IF NOT EXISTS roundtrip.t (code TEXT PRIMARY KEY)");
            sql.execute("INSERT INTO roundtrip.t VALUES ('GM0014') ON CONFLICT DO NOTHING");
            try (ResultSet rows = sql.executeQuery("SELECT code, version() FROM roundtrip.t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("GM0014");
                assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
            }
        }
    }

    @Test
    void tokens_verify_against_the_published_key_and_foreign_ones_do_not() throws Exception {
        byte[] der = Base64.getDecoder().decode(TestTokens.publicKeyBase64());
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        JWTAuthContextInfo context = new JWTAuthContextInfo(key, TestTokens.ISSUER);
        DefaultJWTParser parser = new DefaultJWTParser(context);

        JsonWebToken respondent = parser.parse(TestTokens.respondent("GM0363"));
        assertThat(respondent.getGroups()).containsExactly("respondent");
        assertThat(respondent.<String>getClaim("municipality")).isEqualTo("GM0363");
        assertThat(parser.parse(TestTokens.coordinator("Groningen")).<String>getClaim("region"))
                .isEqualTo("Groningen");
        assertThatThrownBy(() -> parser.parse(TestTokens.wronglySigned())).isInstanceOf(ParseException.class);
    }

    @Test
    void the_quarkus_test_resource_hands_out_the_servers_and_the_key() {
        Map<String, String> config = new MonitorInfrastructure().start();

        assertThat(config).containsEntry("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers())
                .containsEntry("quarkus.datasource.jdbc.url", PostgresServer.shared().jdbcUrl())
                .containsEntry("quarkus.oidc.token.issuer", TestTokens.ISSUER)
                .containsEntry("quarkus.oidc.devservices.enabled", "false")
                .hasEntrySatisfying("quarkus.oidc.public-key", k -> assertThat(k).isNotBlank());
    }
}
