package nl.monitor.messaging.consume;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the live consumer ({@link EventConsumer}) and its commit strategy ({@link AcknowledgedOffsetsCommit}) share
 * about the partitions: which ones this instance owns, and whether a batch is in hand.
 * <p>
 * The connector polls while a batch is processed, so a rebalance can take partitions away in the middle of one. Its
 * records are finished and committed before the partitions go ({@link #revoked} waits for the batch in hand), and
 * records of a revoked partition that were delivered but not begun are left to the next owner ({@link #begin} drops
 * them), so that nothing is processed by two instances.
 */
@ApplicationScoped
public class PartitionOwnership {

    private final Set<TopicPartition> owned = new HashSet<>();
    private int inHand;

    synchronized void assigned(Collection<TopicPartition> partitions) {
        owned.addAll(partitions);
    }

    /** A batch begins: its records of the partitions this instance owns now (in their order). */
    synchronized <K, V> List<ConsumerRecord<K, V>> begin(Iterable<ConsumerRecord<K, V>> records) {
        inHand++;
        List<ConsumerRecord<K, V>> mine = new ArrayList<>();
        for (ConsumerRecord<K, V> record : records) {
            if (owned.contains(new TopicPartition(record.topic(), record.partition()))) {
                mine.add(record);
            }
        }
        return mine;
    }

    /** The batch begun last is done (acknowledged, or given up). */
    synchronized void end() {
        inHand--;
        notifyAll();
    }

    synchronized boolean owns(TopicPartition partition) {
        return owned.contains(partition);
    }

    /**
     * Partitions taken away: no batch begun from now on processes their records, and the batch in hand is waited for
     * (up to {@code timeout}) so that its offsets can be committed before they go. False when it was not done in time.
     */
    synchronized boolean revoked(Collection<TopicPartition> partitions, Duration timeout) {
        owned.removeAll(partitions);
        return idle(timeout);
    }

    /** Waits until no batch is in hand, at most {@code timeout}; false when one still is. */
    synchronized boolean idle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (inHand > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inHand == 0;
        }
    }
}
