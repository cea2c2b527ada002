package nl.monitor.deployment;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What configuration one service reads, derived from the sources at test time (never a hand-kept list): the keys of
 * its application.properties and of the shared microprofile-config.properties of the Monitor libraries it depends on,
 * the {@code ${VAR:default}} environment references in them, the {@code @ConfigMapping} prefixes and
 * {@code @ConfigProperty} names in its Java sources and those libraries, the Quarkus extensions in its poms, and
 * Kafka's own client configuration names when it uses Kafka; its public port and the port of health and metrics (the
 * management interface, or the public port when the service has none).
 */
record ServiceConfig(String service, Set<String> properties, Set<String> mappingPrefixes, Set<String> environmentRefs,
                     Set<String> quarkusNamespaces, boolean usesKafka, boolean hasHealth, int httpPort,
                     int managementPort) {

    /** Variables of the JVM itself, not configuration: the images set JDK_JAVA_OPTIONS. */
    private static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "TZ", "LANG");
    /** Variables KEDA reads from the container (TriggerAuthentication env), not the service. */
    private static final Set<String> AUTOSCALER_VARIABLES = Set.of("KEDA_KAFKA_USERNAME");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    static ServiceConfig of(String service) {
        Set<String> modules = new LinkedHashSet<>();
        collectModules(service, modules);
        Set<String> properties = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        Set<String> envRefs = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        Properties shared = new Properties();
        for (String module : modules) {
            Path dir = Repo.path(module);
            for (Path file : new Path[]{dir.resolve("src/main/resources/application.properties"),
                    dir.resolve("src/main/resources/META-INF/microprofile-config.properties")}) {
                if (Files.isRegularFile(file)) {
                    String text = Repo.read(file);
                    Properties props = load(text);
                    if (file.endsWith("microprofile-config.properties")) {
                        shared.putAll(props);
                    }
                    props.stringPropertyNames().forEach(key -> properties.add(key.replaceFirst("^%[^.]+\\.", "")));
                    Matcher refs = ENV_REF.matcher(text);
                    while (refs.find()) {
                        envRefs.add(refs.group(1));
                    }
                }
            }
            javaSources(dir.resolve("src/main/java")).forEach(source -> {
                Matcher mapping = MAPPING.matcher(source);
                while (mapping.find()) {
                    prefixes.add(mapping.group(1));
                }
                Matcher property = PROPERTY.matcher(source);
                while (property.find()) {
                    properties.add(property.group(1));
                }
            });
            dependencies(module).stream().filter(a -> a.startsWith("quarkus-"))
                    .forEach(a -> extensions.add(a.substring("quarkus-".length())));
        }
        Set<String> namespaces = new TreeSet<>(extensions);
        properties.stream().filter(p -> p.startsWith("quarkus."))
                .map(p -> p.split("\\.")[1]).forEach(namespaces::add);
        boolean kafka = extensions.stream().anyMatch(e -> e.contains("kafka"));
        boolean health = extensions.contains("smallrye-health");
        Properties own = load(Repo.read(Repo.path(service + "/src/main/resources/application.properties")));
        int port = Integer.parseInt(own.getProperty("quarkus.http.port", "8080"));
        int management = Integer.parseInt(own.getProperty("quarkus.management.port",
                shared.getProperty("quarkus.management.port", "9000")));
        boolean managementInterface = Boolean.parseBoolean(own.getProperty("quarkus.management.enabled",
                shared.getProperty("quarkus.management.enabled", "false")));
        return new ServiceConfig(service, properties, prefixes, envRefs, namespaces, kafka, health, port,
                managementInterface ? management : port);
    }

    /**
     * Why an environment variable set for this service maps to nothing it reads, or empty when it does. Quarkus maps
     * {@code FOO_BAR_BAZ} to a property whose name, upper-cased with every non-alphanumeric as '_', is the same.
     */
    Optional<String> unknownVariable(String variable) {
        if (JVM_VARIABLES.contains(variable) || AUTOSCALER_VARIABLES.contains(variable)
                || environmentRefs.contains(variable)) {
            return Optional.empty();
        }
        if (properties.stream().anyMatch(p -> envName(p).equals(variable))) {
            return Optional.empty();
        }
        if (mappingPrefixes.stream().anyMatch(p -> variable.startsWith(envName(p) + "_"))) {
            return Optional.empty();
        }
        if (variable.startsWith("QUARKUS_")) {
            String rest = variable.substring("QUARKUS_".length());
            if (quarkusNamespaces.stream().anyMatch(ns -> rest.startsWith(envName(ns) + "_"))) {
                return Optional.empty();
            }
            return Optional.of(variable + ": no Quarkus extension or quarkus.* namespace of " + service
                    + " matches (its namespaces: " + quarkusNamespaces + ")");
        }
        if (variable.startsWith("KAFKA_")) {
            if (!usesKafka) {
                return Optional.of(variable + ": " + service + " does not use Kafka");
            }
            String name = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (kafkaClientConfigNames().contains(name)) {
                return Optional.empty();
            }
            return Optional.of(variable + ": kafka." + name + " is not a Kafka client setting");
        }
        return Optional.of(variable + ": " + service + " reads no such property (properties " + properties.size()
                + ", mapping prefixes " + mappingPrefixes + ", environment references " + environmentRefs + ")");
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Set<String> kafkaClientConfigNames() {
        Set<String> names = new TreeSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    /** The module and, transitively, the Monitor libraries it depends on (test scope left out). */
    private static void collectModules(String module, Set<String> modules) {
        if (!modules.add(module)) {
            return;
        }
        for (String artifact : dependencies(module)) {
            if (Files.isRegularFile(Repo.path(artifact + "/pom.xml"))) {
                collectModules(artifact, modules);
            }
        }
    }

    private static Set<String> dependencies(String module) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            Document pom = factory.newDocumentBuilder().parse(Repo.path(module + "/pom.xml").toFile());
            Set<String> artifacts = new LinkedHashSet<>();
            NodeList nodes = pom.getElementsByTagName("dependency");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element dependency = (Element) nodes.item(i);
                if (dependency.getParentNode().getParentNode() != pom.getDocumentElement()) {
                    continue; // dependencyManagement or a plugin's dependencies
                }
                String scope = text(dependency, "scope");
                if (!"test".equals(scope)) {
                    artifacts.add(text(dependency, "artifactId"));
                }
            }
            return artifacts;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + module + "/pom.xml", e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Properties load(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static Stream<String> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Repo::read).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
