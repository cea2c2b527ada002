package nl.monitor.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import nl.monitor.contracts.EventType;
import nl.monitor.messaging.consume.DeadLetters;
import nl.monitor.messaging.consume.EventHandler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the platform's topics and this service's dead-letter topics when they are missing, with
 * {@code monitor.kafka.partitions} partitions and unlimited retention (the read-model rebuild replays the event
 * topics from offset zero, and a dead-lettered record waits for its redrive). Existing topics are left as they are.
 * It runs at start, before the Kafka connector subscribes, and the relay calls {@link #ensure()} again before its
 * first send, so a service starts even while the broker is away and catches up when it is back.
 */
@ApplicationScoped
public class Topics {

    private static final Logger LOG = Logger.getLogger(Topics.class);

    private final MessagingConfig config;
    private final KafkaClients clients;
    private final DeadLetters deadLetters;
    private final Instance<EventHandler<?>> handlers;
    private volatile boolean ready;

    public Topics(MessagingConfig config, KafkaClients clients, DeadLetters deadLetters,
                  Instance<EventHandler<?>> handlers) {
        this.config = config;
        this.clients = clients;
        this.deadLetters = deadLetters;
        this.handlers = handlers;
    }

    /** The topics this service needs: every event topic, and a dead-letter topic per topic it consumes. */
    public Set<String> needed() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(EventType.values()).map(EventType::topic).forEach(names::add);
        handlers.forEach(handler -> names.add(deadLetters.topicFor(handler.type().topic())));
        return names;
    }

    /**
     * At start, before the Kafka connector subscribes (its start observer runs later): the consumer finds its topics
     * at once. A broker away now is no reason not to start: the relay tries again before its first send.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        ensure();
    }

    /** True once every needed topic exists; false (and logged) while the broker cannot be reached. */
    public synchronized boolean ensure() {
        if (ready || !config.kafka().createTopics()) {
            return ready = true;
        }
        try (Admin admin = Admin.create(clients.admin(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000)))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : needed()) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, config.kafka().partitions(), config.kafka().replicationFactor())
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
                }
            }
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(10, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s with %d partition(s)", created.getKey(), config.kafka().partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            warnAboutPartitions(admin);
            return ready = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("Cannot check or create the topics yet (%s); retrying", e.toString());
            return false;
        }
    }

    private void warnAboutPartitions(Admin admin) throws Exception {
        Map<String, TopicDescription> described = admin.describeTopics(needed()).allTopicNames()
                .get(10, TimeUnit.SECONDS);
        described.values().stream().filter(d -> d.partitions().size() < config.kafka().partitions())
                .forEach(d -> LOG.warnf("Topic %s has %d partition(s), fewer than monitor.kafka.partitions=%d: at "
                                + "most that many instances share its work (adding partitions moves keys; see README)",
                        d.name(), d.partitions().size(), config.kafka().partitions()));
    }
}
