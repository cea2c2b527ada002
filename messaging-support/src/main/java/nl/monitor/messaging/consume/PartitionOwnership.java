package nl.monitor.messaging.consume;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The partitions owned, each with the consumer group generation in which it was assigned. */
    private final Map<TopicPartition, Integer> owned = new HashMap<>();
    private int inHand;

    /** Partitions assigned to this instance in the group's generation {@code generation}. */
    synchronized void assigned(Collection<TopicPartition> partitions, int generation) {
        partitions.forEach(partition -> owned.put(partition, generation));
    }

    /**
     * A batch polled in the group's generation {@code generation} begins: its records of the partitions this instance
     * owns now and owned already when they were polled (in their order). A partition revoked and assigned again since
     * the poll is read again from its committed offset, so the batch's records of it are left to that read: processed
     * now, they could overtake records before them.
     */
    synchronized <K, V> List<ConsumerRecord<K, V>> begin(Iterable<ConsumerRecord<K, V>> records, int generation) {
        inHand++;
        List<ConsumerRecord<K, V>> mine = new ArrayList<>();
        for (ConsumerRecord<K, V> record : records) {
            Integer assignedIn = owned.get(new TopicPartition(record.topic(), record.partition()));
            if (assignedIn != null && generation >= assignedIn) {
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

    /**
     * Partitions taken away: no batch begun from now on processes their records, and the batch in hand is waited for
     * (up to {@code timeout}) so that its offsets can be committed before they go. False when it was not done in time.
     */
    synchronized boolean revoked(Collection<TopicPartition> partitions, Duration timeout) {
        partitions.forEach(owned::remove);
        return idle(timeout);
    }

    /** Whether a batch is in hand. */
    synchronized boolean busy() {
        return inHand > 0;
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
