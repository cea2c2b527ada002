package nl.monitor.reporting.service;

import nl.monitor.reporting.messaging.ScoreComputedReplay.PartitionRange;

import java.time.Instant;
import java.util.List;

/**
 * What a rebuild of the read model did.
 *
 * @param partitions    the offsets read per partition of {@code topic}
 * @param records       the records replayed
 * @param applied       events that became (for a while) a municipality's current score
 * @param superseded    events older than the score already current for their municipality and year
 * @param duplicates    events already processed since the read model was emptied (by the live consumer, or
 *                      redelivered copies)
 * @param poisonSkipped records that can never be processed; they went to the dead-letter topic when first consumed
 */
public record RebuildReport(Instant startedAt, Instant finishedAt, String topic, List<PartitionRange> partitions,
                            long records, long applied, long superseded, long duplicates, long poisonSkipped) {
}
