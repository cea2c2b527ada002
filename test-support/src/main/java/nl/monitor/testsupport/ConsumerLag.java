package nl.monitor.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How far a consumer group is behind on its topics, from the group's committed offsets and the end offsets. */
public final class ConsumerLag {

    /** What a group has committed on its topics and what is there to read, summed over the partitions. */
    public record Position(long committed, long end) {
        public long lag() {
            return end - committed;
        }
    }

    private ConsumerLag() {
    }

    public static Position of(Admin admin, String group, Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(10, TimeUnit.SECONDS);
        long done = 0;
        long end = 0;
        for (var partition : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(partition.getKey());
            done += at == null ? 0 : at.offset();
            end += partition.getValue().offset();
        }
        return new Position(done, end);
    }
}
