package nl.monitor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kafka principals and ACLs the platform ships: the Strimzi {@code KafkaUser} resources of
 * {@code deploy/kafka-users/kafka-users.yaml}, read as the Kafka admin API takes them, so that the secured end-to-end
 * test enforces exactly what production gets and the deployment tests can hold them against what each service uses.
 */
public final class KafkaUsers {

    /** One ACL rule of a user: operations allowed on a resource. */
    public record Acl(ResourceType resourceType, String name, PatternType patternType, List<AclOperation> operations) {
    }

    /** A user (a service's principal) and its rules. */
    public record User(String name, String authentication, List<Acl> acls) {

        /** The names of the resources of a type this user's rules allow {@code operation} on (literal rules). */
        public Set<String> allowed(ResourceType type, AclOperation operation) {
            Set<String> names = new TreeSet<>();
            acls.stream().filter(a -> a.resourceType() == type && a.operations().contains(operation))
                    .forEach(a -> names.add(a.name()));
            return names;
        }

        /** The rules as the admin API's bindings, for principal {@code User:<name>}. */
        public List<AclBinding> bindings() {
            List<AclBinding> bindings = new ArrayList<>();
            for (Acl acl : acls) {
                for (AclOperation operation : acl.operations()) {
                    bindings.add(new AclBinding(new ResourcePattern(acl.resourceType(), acl.name(), acl.patternType()),
                            new AccessControlEntry("User:" + name, "*", operation, AclPermissionType.ALLOW)));
                }
            }
            return bindings;
        }
    }

    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private KafkaUsers() {
    }

    /** The users of {@code deploy/kafka-users/kafka-users.yaml} in the repository, by name. */
    public static Map<String, User> of(Path repository) {
        Path file = repository.resolve("deploy/kafka-users/kafka-users.yaml");
        Map<String, User> users = new LinkedHashMap<>();
        try (var parser = YAML.getFactory().createParser(Files.readString(file))) {
            for (JsonNode document : (Iterable<JsonNode>) () -> {
                try {
                    return YAML.readValues(parser, JsonNode.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }) {
                if (!"KafkaUser".equals(document.path("kind").asText())) {
                    continue;
                }
                User user = user(document);
                users.put(user.name(), user);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return users;
    }

    private static User user(JsonNode document) {
        JsonNode spec = document.path("spec");
        List<Acl> acls = new ArrayList<>();
        for (JsonNode rule : spec.path("authorization").path("acls")) {
            if (!"allow".equals(rule.path("type").asText("allow"))) {
                throw new IllegalArgumentException("Only allow rules are expected: " + rule);
            }
            JsonNode resource = rule.path("resource");
            List<AclOperation> operations = new ArrayList<>();
            rule.path("operations").forEach(o -> operations.add(operation(o.asText())));
            ResourceType type = ResourceType.fromString(resourceType(resource.path("type").asText()));
            PatternType pattern = PatternType.fromString(resource.path("patternType").asText("literal")
                    .toUpperCase(Locale.ROOT));
            if (type == ResourceType.UNKNOWN || pattern == PatternType.UNKNOWN) {
                throw new IllegalArgumentException("Unknown resource type or pattern: " + resource);
            }
            acls.add(new Acl(type, resource.path("name").asText(), pattern, List.copyOf(operations)));
        }
        return new User(document.path("metadata").path("name").asText(),
                spec.path("authentication").path("type").asText(), List.copyOf(acls));
    }

    private static String resourceType(String strimzi) {
        return "transactionalId".equals(strimzi) ? "TRANSACTIONAL_ID" : strimzi.toUpperCase(Locale.ROOT);
    }

    private static AclOperation operation(String strimzi) {
        // Strimzi writes IdempotentWrite, Kafka's enum IDEMPOTENT_WRITE
        AclOperation operation = AclOperation.fromString(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT));
        if (operation == AclOperation.UNKNOWN) {
            throw new IllegalArgumentException("Unknown ACL operation " + strimzi);
        }
        return operation;
    }
}
