package nl.monitor.deployment;

import nl.monitor.testsupport.KafkaUsers;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' Kafka principals ({@code deploy/kafka-users}) against what each service is configured to consume and
 * publish ({@code monitor.kafka.consumed-topics}, {@code monitor.kafka.published-topics}, both enforced by the
 * service itself): every topic a service touches has its ACL, and no ACL grants more than the service uses.
 */
class KafkaAccessTest {

    private final Map<String, KafkaUsers.User> users = KafkaUsers.of(Repo.ROOT);

    @Test
    void every_service_has_its_own_scram_principal_and_nothing_else_has_one() {
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
        assertThat(users.values()).allSatisfy(user -> assertThat(user.authentication()).isEqualTo("scram-sha-512"));
    }

    @Test
    void each_principal_may_do_exactly_what_its_service_does() {
        for (String service : Repo.SERVICES) {
            Set<String> consumed = Expected.consumedTopics(service);
            Set<String> deadLetters = new TreeSet<>();
            consumed.forEach(topic -> deadLetters.add(Expected.deadLetterTopic(service, topic)));
            Set<String> reads = new TreeSet<>(consumed);
            reads.addAll(deadLetters);           // the admin's dead-letter listing and redrive
            Set<String> writes = new TreeSet<>(Expected.publishedTopics(service));
            writes.addAll(deadLetters);          // poison records, through the outbox
            Set<String> expected = new TreeSet<>();
            reads.forEach(topic -> expected.add("TOPIC " + topic + " READ"));
            writes.forEach(topic -> expected.add("TOPIC " + topic + " WRITE"));
            if (!consumed.isEmpty()) {
                expected.add("GROUP " + service + " READ");
            }

            KafkaUsers.User user = users.get(service);
            Set<String> granted = new TreeSet<>();
            user.acls().forEach(acl -> {
                assertThat(acl.patternType()).as(service + ": " + acl).isEqualTo(PatternType.LITERAL);
                acl.operations().forEach(op -> granted.add(acl.resourceType() + " " + acl.name() + " " + op));
            });
            assertThat(granted).as(service + ": ACLs (consumes " + consumed + ", publishes "
                    + Expected.publishedTopics(service) + ")").isEqualTo(expected);
        }
    }

    @Test
    void the_published_and_consumed_topics_are_event_topics() {
        for (String service : Repo.SERVICES) {
            assertThat(Expected.publishedTopics(service)).as(service).isNotEmpty()
                    .isSubsetOf(Expected.eventTopics());
            assertThat(Expected.consumedTopics(service)).as(service).isSubsetOf(Expected.eventTopics());
        }
    }

    @Test
    void no_principal_may_administer_the_cluster_or_use_transactions() {
        users.values().forEach(user -> {
            assertThat(user.allowed(ResourceType.CLUSTER, AclOperation.ALL)).isEmpty();
            assertThat(user.acls()).noneMatch(acl -> acl.resourceType() == ResourceType.CLUSTER
                    || acl.resourceType() == ResourceType.TRANSACTIONAL_ID
                    || acl.operations().contains(AclOperation.ALL)
                    || acl.operations().contains(AclOperation.CREATE)
                    || acl.operations().contains(AclOperation.DELETE)
                    || acl.operations().contains(AclOperation.ALTER));
        });
    }
}
