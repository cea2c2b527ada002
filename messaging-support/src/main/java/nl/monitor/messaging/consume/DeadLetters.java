package nl.monitor.messaging.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.messaging.MessagingConfig;
import nl.monitor.messaging.Outbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;

/**
 * Sends a poison record to {@code <service>.<topic>.dlq} through the outbox, in the transaction of its batch: the
 * record is dead-lettered exactly when its batch commits. Headers say why and where it came from.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final String service;
    private final Outbox outbox;

    public DeadLetters(MessagingConfig config, Outbox outbox) {
        this.service = config.serviceName();
        this.outbox = outbox;
    }

    public String topicFor(String sourceTopic) {
        return service + "." + sourceTopic + ".dlq";
    }

    /** Names a consumed record by its position: what the processed-event table remembers a poison record by. */
    static String positionOf(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void send(ConsumerRecord<String, String> record, String reason) {
        // PostgreSQL text holds no NUL character; a record that has one is poison anyway.
        String value = record.value() == null ? "" : record.value().replace('\u0000', '\uFFFD');
        outbox.publishRecord(topicFor(record.topic()), record.key() == null ? "" : record.key(), value,
                "dead-letter:" + service + ":" + positionOf(record),
                Map.of(REASON, reason, TOPIC, record.topic(), PARTITION, Integer.toString(record.partition()),
                        OFFSET, Long.toString(record.offset())));
    }
}
