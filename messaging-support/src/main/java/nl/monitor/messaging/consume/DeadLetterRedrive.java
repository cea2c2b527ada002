package nl.monitor.messaging.consume;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.messaging.consume.EventBatchProcessor.Poison;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Lists this service's dead-lettered records with their reasons, and runs chosen ones through processing again
 * after a fix (a new rules version, say): each as the record it was on its source topic, through the same
 * {@link EventBatchProcessor} as the live consumer. Idempotent: an event applied once is a duplicate the next time;
 * a record that is still poison is reported so and stays where it is. Each redrive is recorded in the audit trail
 * ({@value #REDRIVEN}) in the transaction that processes its records.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final int PREVIEW = 300;

    /** One dead-lettered record. */
    public record DeadLetter(String topic, int partition, long offset, String key, Instant deadLetteredAt,
                             String sourceTopic, Integer sourcePartition, Long sourceOffset, String reason,
                             int valueLength, String valuePreview) {
    }

    /** What a redrive did with one record. */
    public record Redriven(String topic, int partition, long offset, String sourceTopic, Outcome outcome,
                           String reason) {
    }

    /** Which records of which dead-letter topic; {@code null} offsets mean every record of the topic. */
    public record Selection(String topic, Set<Position> positions) {
        boolean includes(ConsumerRecord<String, String> record) {
            return positions == null || positions.contains(new Position(record.partition(), record.offset()));
        }
    }

    public record Position(int partition, long offset) {
    }

    /** The audit action of a redrive. */
    public static final String REDRIVEN = "dead-letter.redriven";

    private final EventBatchProcessor processor;
    private final DeadLetters deadLetters;
    private final TopicReplay replay;
    private final AuditTrail audit;

    public DeadLetterRedrive(EventBatchProcessor processor, DeadLetters deadLetters, TopicReplay replay,
                             AuditTrail audit) {
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.audit = audit;
    }

    /** This service's dead-letter topics: one per topic it consumes. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        processor.topics().forEach(topic -> topics.add(deadLetters.topicFor(topic)));
        return topics;
    }

    /** Up to {@code limit} dead-lettered records, oldest first per partition. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (String topic : topics()) {
            for (ConsumerRecord<String, String> record : read(topic, r -> true)) {
                if (letters.size() == limit) {
                    return letters;
                }
                String value = record.value() == null ? "" : record.value();
                letters.add(new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        Instant.ofEpochMilli(record.timestamp()), header(record, DeadLetters.TOPIC),
                        number(header(record, DeadLetters.PARTITION), Integer::valueOf),
                        number(header(record, DeadLetters.OFFSET), Long::valueOf),
                        header(record, DeadLetters.REASON), value.length(),
                        value.length() <= PREVIEW ? value : value.substring(0, PREVIEW) + "…"));
            }
        }
        return letters;
    }

    /** Processes the selected records again, as records of their source topic; returns what each did. */
    public List<Redriven> redrive(Selection selection) {
        List<ConsumerRecord<String, String>> letters = read(selection.topic(), selection::includes);
        List<ConsumerRecord<String, String>> originals = letters.stream().map(DeadLetterRedrive::original).toList();
        EventBatchProcessor.Result result = processor.process(originals, Poison.SKIP,
                processed -> audit.record(REDRIVEN, "dead-letter/" + selection.topic(), null,
                        details(selection, letters, processed)));
        List<Redriven> redriven = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            ConsumerRecord<String, String> letter = letters.get(i);
            redriven.add(new Redriven(letter.topic(), letter.partition(), letter.offset(), originals.get(i).topic(),
                    result.outcomes().get(i), result.poisonReasons().get(i)));
        }
        return redriven;
    }

    private static Map<String, Object> details(Selection selection, List<ConsumerRecord<String, String>> letters,
                                               EventBatchProcessor.Result result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("selection", selection.positions() == null ? "all" : selection.positions().stream()
                .map(p -> p.partition() + "@" + p.offset()).collect(Collectors.joining(",")));
        details.put("records", letters.size());
        details.put("outcomes", result.outcomes().stream()
                .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting())));
        return details;
    }

    private List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        replay.replay(topic, READ_TIMEOUT, batch -> batch.stream().filter(filter).forEach(records::add));
        return records;
    }

    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> letter) {
        String topic = header(letter, DeadLetters.TOPIC);
        Integer partition = number(header(letter, DeadLetters.PARTITION), Integer::valueOf);
        Long offset = number(header(letter, DeadLetters.OFFSET), Long::valueOf);
        return new ConsumerRecord<>(topic == null ? "unknown" : topic, partition == null ? -1 : partition,
                offset == null ? -1 : offset, letter.key(), letter.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <N> N number(String text, java.util.function.Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
