package nl.monitor.reporting.service;

import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.messaging.ProcessedEvents;
import nl.monitor.messaging.consume.TopicReplay;
import nl.monitor.messaging.consume.Outcome;
import nl.monitor.reference.Municipality;
import nl.monitor.reporting.MunicipalityYear;
import nl.monitor.reporting.service.ReplayableProjection.Newest;
import nl.monitor.reporting.service.VersionPeek.Peeked;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
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
 * Projects the batches of one topic's replay in bulk, inside the rebuild's transaction, into the read model the live
 * consumer would have built from the same records in the same order:
 * <ol>
 *     <li>each record's id, municipality-year and rank are read without decoding the rest ({@link VersionPeek}); a
 *     record that does not give them is decoded and checked at once;</li>
 *     <li>the batch's ids are marked seen in the replay's own marks ({@link ProcessedEvents#firstTimeInReplay}) in one
 *     statement; an event seen before is a duplicate;</li>
 *     <li>the versions of each municipality-year wait in memory (up to {@value #MAX_WAITING}), only the highest
 *     keeping its record; then each municipality-year keeps the version the live consumer would have ended with: the
 *     one of the highest rank (the later of equals) that passes its schema and the projection's checks and is newer
 *     than the one kept before. Only that one is decoded and checked (on every core, {@link Decoders}); should it be
 *     poison, the next below it is read again ({@link TopicReplay#recordAt}) and checked, and so on;</li>
 *     <li>the newest version of each municipality-year is held in memory and written once more than {@code maxHeld}
 *     municipality-years are held or waiting, and at the {@link #finish()}: one statement per table.</li>
 * </ol>
 * The outcome of each record is counted as the live consumer would count it (applied, superseded, duplicate, poison),
 * with one difference: a version replaced by a newer one while waiting is never decoded, so a poison one there is
 * counted with the versions (applied or superseded) instead of as poison, and its mark stays. It is never written:
 * the read model's answers and scores are the same, only its revision counter counts it.
 *
 * @param <T> the event's data record
 */
final class BulkReplay<T> implements Consumer<List<ConsumerRecord<String, String>>> {

    /** The waiting versions at which they are settled (a few MB: only the highest of each keeps its JSON). */
    static final int MAX_WAITING = 50_000;

    private static final Logger LOG = Logger.getLogger(BulkReplay.class);

    private final ReplayableProjection<T> projection;
    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final Map<MunicipalityYear, VersionRank> newestRanks = new HashMap<>();
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<MunicipalityYear, Waiting<T>> pending = new LinkedHashMap<>();
    private final Map<MunicipalityYear, Newest<T>> held = new LinkedHashMap<>();
    private final int maxHeld;
    private final Decoders decoders;
    private final TopicReplay replay;
    private int waiting;
    private long decodeNanos;
    private long writeNanos;

    BulkReplay(ReplayableProjection<T> projection, EventCodec codec, ProcessedEvents processed, int maxHeld,
               Decoders decoders, TopicReplay replay) {
        this.decoders = decoders;
        this.replay = replay;
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

    /** Milliseconds spent reading versions, decoding and checking the records so far. */
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
        List<Version<T>> versions = new ArrayList<>(batch.size());
        Set<String> ids = new LinkedHashSet<>();
        // peeks take microseconds: on this thread (the rare record that cannot be peeked is decoded here too)
        for (Version<T> version : batch.stream().map(this::peek).toList()) {
            if (version == null) {
                tally(Outcome.POISON);
            } else {
                versions.add(version);
                ids.add(version.id());
            }
        }
        long peeked = System.nanoTime();
        Set<String> fresh = new HashSet<>(processed.firstTimeInReplay(ids));
        long marked = System.nanoTime();
        for (Version<T> version : versions) {
            if (!fresh.remove(version.id())) {
                tally(Outcome.DUPLICATE);
            } else {
                pending.computeIfAbsent(version.key(), key -> new Waiting<>()).add(version);
                waiting++;
            }
        }
        boolean full = held.size() + pending.size() > maxHeld;
        if (full || waiting > MAX_WAITING) {
            resolve();
        }
        long resolved = System.nanoTime();
        if (full) {
            write();
        }
        decodeNanos += (peeked - start) + (resolved - marked);
        writeNanos += (marked - peeked) + (System.nanoTime() - resolved);
    }

    /** Writes what is still held: called once the whole topic was replayed. */
    void finish() {
        long start = System.nanoTime();
        resolve();
        long resolved = System.nanoTime();
        write();
        decodeNanos += resolved - start;
        writeNanos += System.nanoTime() - resolved;
    }

    private void write() {
        resolve();
        projection.store(List.copyOf(held.values()));
        held.clear();
    }

    /** A record's version, read without decoding; decoded and checked at once when the peek cannot read it. */
    private Version<T> peek(ConsumerRecord<String, String> record) {
        Peeked peeked = projection.versionPeek().read(record.value());
        if (peeked != null) {
            return new Version<>(record, peeked.id(), peeked.key(), peeked.rank());
        }
        Checked<T> checked = check(record);
        if (checked == null) {
            return null;
        }
        T data = checked.event().data();
        Version<T> version = new Version<>(record, checked.event().id(), projection.key(data), projection.rank(data));
        version.decoded(checked);
        return version;
    }

    /**
     * Settles every waiting municipality-year: the highest version that passes its checks and is newer than the one
     * kept before replaces it, and every record's outcome is counted. Most municipality-years decode one record.
     */
    private void resolve() {
        if (pending.isEmpty()) {
            return;
        }
        List<Settling<T>> settling = new ArrayList<>(pending.size());
        for (Map.Entry<MunicipalityYear, Waiting<T>> entry : pending.entrySet()) {
            settling.add(new Settling<>(entry.getKey(), entry.getValue().versions, newestRanks.get(entry.getKey())));
        }
        // The first candidate of every municipality-year on every core; the rare one after poison one by one.
        decoders.map(settling, s -> s.next() == null ? null : decode(s.next()));
        List<String> poison = new ArrayList<>();
        for (Settling<T> s : settling) {
            while (s.next() != null) {
                decode(s.next());
            }
            settle(s, poison);
        }
        processed.forgetInReplay(poison);
        pending.clear();
        waiting = 0;
    }

    /** Decodes and checks a candidate, reading its record again when it was let go (only after poison above it). */
    private Version<T> decode(Version<T> version) {
        ConsumerRecord<String, String> record = version.record != null ? version.record
                : replay.recordAt(version.topic, version.partition, version.offset);
        version.decoded(check(record));
        return version;
    }

    /**
     * Counts each version's outcome in arrival order, as the live consumer would, adds the poison ones' ids to
     * {@code poison} (their marks are taken back) and keeps the winner if there is one.
     */
    private void settle(Settling<T> s, List<String> poison) {
        VersionRank running = s.keptRank();
        int applied = 0;
        for (Version<T> version : s.versions()) {
            if (version.poison()) {
                tally(Outcome.POISON);
                poison.add(version.id());
            } else if (running == null || version.rank().replaces(running)) {
                tally(Outcome.APPLIED);
                running = version.rank();
                applied++;
            } else {
                tally(Outcome.SUPERSEDED);
            }
        }
        Version<T> winner = s.winner();
        if (winner != null) {
            newestRanks.put(s.key(), winner.rank());
            Newest<T> replaced = held.get(s.key());
            held.put(s.key(), new Newest<>(winner.checked.event(), winner.checked.municipality(),
                    (replaced == null ? 0 : replaced.versions()) + applied));
        }
    }

    private void tally(Outcome outcome) {
        outcomes.merge(outcome, 1L, Long::sum);
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

    private record Checked<T>(CloudEvent<T> event, Municipality municipality) {
    }

    /**
     * The versions of a municipality-year waiting to be settled, in arrival order. Only the highest (the later of
     * equals) keeps its record: the one that is decoded unless it turns out poison, when the next is read again.
     */
    private static final class Waiting<T> {
        private final List<Version<T>> versions = new ArrayList<>(2);
        private Version<T> highest;

        void add(Version<T> version) {
            versions.add(version);
            if (highest == null || version.rank().replaces(highest.rank())) {
                if (highest != null) {
                    highest.record = null;
                }
                highest = version;
            } else {
                version.record = null;
            }
        }
    }

    /**
     * One record of a municipality-year waiting to be settled: where it lies, its id, municipality-year and rank, and
     * while it may be decoded, the record itself. Decoded only when it is a candidate to keep.
     */
    private static final class Version<T> {
        private final String topic;
        private final int partition;
        private final long offset;
        private final String id;
        private final MunicipalityYear key;
        private final VersionRank rank;
        private ConsumerRecord<String, String> record;
        private boolean decoded;
        private Checked<T> checked;

        Version(ConsumerRecord<String, String> record, String id, MunicipalityYear key, VersionRank rank) {
            this.topic = record.topic();
            this.partition = record.partition();
            this.offset = record.offset();
            this.record = record;
            this.id = id;
            this.key = key;
            this.rank = rank;
        }

        String id() {
            return id;
        }

        MunicipalityYear key() {
            return key;
        }

        VersionRank rank() {
            return rank;
        }

        /** Records what decoding it gave ({@code null}: poison) and lets its record go. */
        void decoded(Checked<T> result) {
            checked = result;
            decoded = true;
            record = null;
        }

        boolean poison() {
            return decoded && checked == null;
        }
    }

    /**
     * A municipality-year being settled: its waiting versions in arrival order, and its candidates to keep — those
     * newer than the one kept before — from the highest rank down (the later of equals first).
     */
    private static final class Settling<T> {
        private static final Comparator<Version<?>> HIGHEST_FIRST = Comparator.comparing(v -> v.rank());

        private final MunicipalityYear key;
        private final List<Version<T>> versions;
        private final VersionRank keptRank;
        private final List<Version<T>> candidates = new ArrayList<>();
        private int tried;

        Settling(MunicipalityYear key, List<Version<T>> versions, VersionRank keptRank) {
            this.key = key;
            this.versions = versions;
            this.keptRank = keptRank;
            for (int i = versions.size() - 1; i >= 0; i--) {
                Version<T> version = versions.get(i);
                if (keptRank == null || version.rank().replaces(keptRank)) {
                    candidates.add(version);
                }
            }
            // stable: among equal ranks the later arrival stays first
            candidates.sort(HIGHEST_FIRST.reversed());
        }

        MunicipalityYear key() {
            return key;
        }

        List<Version<T>> versions() {
            return versions;
        }

        VersionRank keptRank() {
            return keptRank;
        }

        /** The candidate to decode next, or {@code null} when one passed or none is left. */
        Version<T> next() {
            while (tried < candidates.size()) {
                Version<T> candidate = candidates.get(tried);
                if (!candidate.decoded) {
                    return candidate;
                }
                if (!candidate.poison()) {
                    return null;
                }
                tried++;
            }
            return null;
        }

        /** The candidate that passed (the one {@link #next()} stopped at), once {@code next()} is {@code null}. */
        Version<T> winner() {
            return tried < candidates.size() ? candidates.get(tried) : null;
        }
    }
}
