package nl.monitor.reporting.service;

import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.messaging.ProcessedEvents;
import nl.monitor.messaging.consume.Outcome;
import nl.monitor.reference.Municipality;
import nl.monitor.reporting.MunicipalityYear;
import nl.monitor.reporting.service.ReplayableProjection.Newest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Projects the batches of one topic's replay in bulk, inside the rebuild's transaction, with the outcome the live
 * consumer would have given each record in the same order:
 * <ol>
 *     <li>each record is decoded, checked against its schema and by the projection's domain checks (a batch's records
 *     on every core, {@link Decoders}); one that fails is poison and skipped alone (nothing of it was written, so no
 *     savepoint is needed);</li>
 *     <li>the others are marked processed in one statement; an event marked before is a duplicate;</li>
 *     <li>each event is compared with the newest version of its municipality and year seen so far in the replay (only
 *     its rank is remembered): newer or equal is applied, older superseded;</li>
 *     <li>the newest version of each municipality and year is held in memory and written once more than
 *     {@code held} municipality-years are held, and at the {@link #finish()}: one statement per table.</li>
 * </ol>
 * Most replayed versions are superseded while held and never reach the database.
 *
 * @param <T> the event's data record
 */
final class BulkReplay<T> implements Consumer<List<ConsumerRecord<String, String>>> {

    private static final Logger LOG = Logger.getLogger(BulkReplay.class);

    private final ReplayableProjection<T> projection;
    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final Map<MunicipalityYear, VersionRank> newestRanks = new HashMap<>();
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<MunicipalityYear, Newest<T>> held = new LinkedHashMap<>();
    private final int maxHeld;
    private final Decoders decoders;
    private long decodeNanos;
    private long writeNanos;

    BulkReplay(ReplayableProjection<T> projection, EventCodec codec, ProcessedEvents processed, int maxHeld,
               Decoders decoders) {
        this.decoders = decoders;
        this.maxHeld = maxHeld;
        this.projection = projection;
        this.codec = codec;
        this.processed = processed;
    }

    /** The outcomes of the records replayed so far. */
    long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    long replayed() {
        return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Milliseconds spent decoding and checking the records so far (the rest of a replay reads and writes). */
    long decodeMillis() {
        return decodeNanos / 1_000_000;
    }

    /** Milliseconds spent marking and writing so far. */
    long writeMillis() {
        return writeNanos / 1_000_000;
    }

    @Override
    public void accept(List<ConsumerRecord<String, String>> batch) {
        long start = System.nanoTime();
        List<Checked<T>> checked = new ArrayList<>(batch.size());
        Set<String> ids = new LinkedHashSet<>();
        for (Checked<T> event : decoders.map(batch, this::check)) {
            if (event == null) {
                outcomes.merge(Outcome.POISON, 1L, Long::sum);
            } else {
                checked.add(event);
                ids.add(event.event().id());
            }
        }
        long decoded = System.nanoTime();
        decodeNanos += decoded - start;
        Set<String> fresh = new HashSet<>(processed.firstTime(ids));
        for (Checked<T> event : checked) {
            outcomes.merge(fold(event, fresh), 1L, Long::sum);
        }
        if (held.size() > maxHeld) {
            write();
        }
        writeNanos += System.nanoTime() - decoded;
    }

    /** Writes what is still held: called once the whole topic was replayed. */
    void finish() {
        long start = System.nanoTime();
        write();
        writeNanos += System.nanoTime() - start;
    }

    private void write() {
        projection.store(List.copyOf(held.values()));
        held.clear();
    }

    /** The record decoded and placed, or {@code null} when it is poison (logged: it was dead-lettered when consumed). */
    private Checked<T> check(ConsumerRecord<String, String> record) {
        try {
            CloudEvent<T> event = codec.decode(record.value(), projection.type());
            return new Checked<>(event, projection.place(event.data()));
        } catch (PoisonEventException e) {
            LOG.warnf("Rebuild skipped poison record %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            return null;
        }
    }

    private Outcome fold(Checked<T> checked, Set<String> fresh) {
        CloudEvent<T> event = checked.event();
        if (!fresh.remove(event.id())) {
            return Outcome.DUPLICATE;
        }
        MunicipalityYear key = projection.key(event.data());
        VersionRank rank = projection.rank(event.data());
        VersionRank current = newestRanks.get(key);
        if (current != null && !rank.replaces(current)) {
            return Outcome.SUPERSEDED;
        }
        newestRanks.put(key, rank);
        Newest<T> replaced = held.get(key);
        held.put(key, new Newest<>(event, checked.municipality(), replaced == null ? 1 : replaced.versions() + 1));
        return Outcome.APPLIED;
    }

    private record Checked<T>(CloudEvent<T> event, Municipality municipality) {
    }
}
