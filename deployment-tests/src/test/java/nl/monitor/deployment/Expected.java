package nl.monitor.deployment;

import nl.monitor.contracts.EventType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the deployment files must agree with, read from the build and the sources. */
final class Expected {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private Expected() {
    }

    /** The topics of the platform's events (contracts' EventType). */
    static Set<String> eventTopics() {
        Set<String> topics = new TreeSet<>();
        Arrays.stream(EventType.values()).map(EventType::topic).forEach(topics::add);
        return topics;
    }

    /**
     * Topics a service names in its configuration: every property ending in {@code .topic} (incoming channels and
     * their dead-letter topics, whatever the consumer implementation calls them).
     */
    static Set<String> configuredTopics(String service) {
        Set<String> topics = new TreeSet<>();
        Properties properties = applicationProperties(service);
        properties.stringPropertyNames().stream().filter(k -> k.endsWith(".topic") || k.endsWith(".topics"))
                .flatMap(k -> Arrays.stream(properties.getProperty(k).split(",")))
                .map(String::trim).filter(t -> !t.isEmpty() && !t.contains("${")).forEach(topics::add);
        return topics;
    }

    /** The event topics a service consumes ({@code monitor.kafka.consumed-topics}; none when unset). */
    static Set<String> consumedTopics(String service) {
        return listProperty(service, "monitor.kafka.consumed-topics");
    }

    /** The event topics a service publishes to ({@code monitor.kafka.published-topics}). */
    static Set<String> publishedTopics(String service) {
        return listProperty(service, "monitor.kafka.published-topics");
    }

    private static Set<String> listProperty(String service, String key) {
        Set<String> values = new TreeSet<>();
        Arrays.stream(applicationProperties(service).getProperty(key, "").split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .forEach(values::add);
        return values;
    }

    private static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(
                    Repo.path(service + "/src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    /** The dead-letter topic of a service's consumer of a topic, as messaging-support names it. */
    static String deadLetterTopic(String service, String topic) {
        return service + "." + topic + ".dlq";
    }

    /** The image the build (root pom, profile "images", Jib) gives a service by default. */
    static String image(String service) {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(Repo.path("pom.xml").toFile());
            Properties properties = new Properties();
            properties.setProperty("project.artifactId", service);
            properties.setProperty("project.version", childText(pom.getDocumentElement(), "version"));
            NodeList profiles = pom.getElementsByTagName("profile");
            for (int i = 0; i < profiles.getLength(); i++) {
                Element profile = (Element) profiles.item(i);
                if ("images".equals(childText(profile, "id"))) {
                    NodeList props = ((Element) profile.getElementsByTagName("properties").item(0)).getChildNodes();
                    for (int j = 0; j < props.getLength(); j++) {
                        if (props.item(j) instanceof Element property) {
                            properties.setProperty(property.getTagName(), property.getTextContent().trim());
                        }
                    }
                }
            }
            NodeList plugins = pom.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                Element plugin = (Element) plugins.item(i);
                if ("jib-maven-plugin".equals(childText(plugin, "artifactId"))
                        && plugin.getElementsByTagName("to").getLength() > 0) {
                    Element to = (Element) plugin.getElementsByTagName("to").item(0);
                    return resolve(childText(to, "image"), properties);
                }
            }
            throw new AssertionError("No jib-maven-plugin <to><image> in the root pom");
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resolve(String value, Properties properties) {
        String result = value;
        for (int round = 0; round < 5 && result.contains("${"); round++) {
            Matcher matcher = VARIABLE.matcher(result);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String replacement = properties.getProperty(matcher.group(1));
                if (replacement == null) {
                    throw new AssertionError("Unresolved ${" + matcher.group(1) + "} in the Jib image name " + value);
                }
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(resolved);
            result = resolved.toString();
        }
        return result;
    }

    private static String childText(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }
}
