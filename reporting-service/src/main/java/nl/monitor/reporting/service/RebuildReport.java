package nl.monitor.reporting.service;

import nl.monitor.messaging.consume.TopicReplay.PartitionRange;

import java.time.Instant;
import java.util.List;

/**
 * What a rebuild of the read models did: the totals over both topics, and per topic.
 *
 * @param records       the records replayed
 * @param applied       events that became (for a while) a municipality's current score or answers
 * @param superseded    events older than the one already current for their municipality and year
 * @param duplicates    events already processed since the read model was emptied (by the live consumers, or
 *                      redelivered copies)
 * @param poisonSkipped records that can never be processed; they went to the dead-letter topic when first consumed
 */
public record RebuildReport(Instant startedAt, Instant finishedAt, long records, long applied, long superseded,
                            long duplicates, long poisonSkipped, List<TopicRebuild> topics) {

    /** What the replay of one topic did; the counters as in {@link RebuildReport}. */
    public record TopicRebuild(String topic, List<PartitionRange> partitions, long records, long applied,
                               long superseded, long duplicates, long poisonSkipped) {
    }

    static RebuildReport of(Instant startedAt, Instant finishedAt, List<TopicRebuild> topics) {
        return new RebuildReport(startedAt, finishedAt,
                topics.stream().mapToLong(TopicRebuild::records).sum(),
                topics.stream().mapToLong(TopicRebuild::applied).sum(),
                topics.stream().mapToLong(TopicRebuild::superseded).sum(),
                topics.stream().mapToLong(TopicRebuild::duplicates).sum(),
                topics.stream().mapToLong(TopicRebuild::poisonSkipped).sum(), List.copyOf(topics));
    }
}
