package nl.monitor.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.messaging.ProcessedEvents;
import nl.monitor.reporting.messaging.TopicReplay;
import nl.monitor.reporting.repository.MunicipalityScoreRepository;
import nl.monitor.reporting.repository.SubmissionRepository;
import nl.monitor.reporting.service.RebuildReport.TopicRebuild;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rebuilds the read models from {@code score-computed} and {@code survey-submitted}: empties them and forgets the
 * processed events in one transaction, then replays each topic from the beginning through the same projection its
 * live consumer uses.
 * <p>
 * The end offsets are captured after the emptying commits: whatever a live consumer projected before that was
 * deleted and lies below those offsets, so the replay brings it back; whatever it projects afterwards is marked
 * processed, so the replay skips it (and the reverse). The table locks of the repositories' {@code clear()} make a
 * projection commit wholly before or wholly after the emptying. Since the newest version wins whatever the arrival
 * order, the result is the same read model.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    private final MunicipalityScoreRepository scores;
    private final SubmissionRepository submissions;
    private final ProcessedEvents processed;
    private final ScoreProjection scoreProjection;
    private final SubmissionProjection submissionProjection;
    private final TopicReplay replay;
    private final ReentrantLock running = new ReentrantLock();

    public ReadModelRebuild(MunicipalityScoreRepository scores, SubmissionRepository submissions,
                            ProcessedEvents processed, ScoreProjection scoreProjection,
                            SubmissionProjection submissionProjection, TopicReplay replay) {
        this.scores = scores;
        this.submissions = submissions;
        this.processed = processed;
        this.scoreProjection = scoreProjection;
        this.submissionProjection = submissionProjection;
        this.replay = replay;
    }

    /** A rebuild stopped part-way; the read model stays incomplete until a rebuild succeeds. */
    public static class RebuildFailedException extends RuntimeException {
        RebuildFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Rebuilds the read models, unless this instance is rebuilding already (then empty).
     *
     * @throws RebuildFailedException when a replay stopped on a fault that is not a poison record
     */
    public Optional<RebuildReport> rebuildUnlessRunning() {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(rebuild());
        } finally {
            running.unlock();
        }
    }

    private RebuildReport rebuild() {
        Instant started = Instant.now();
        LOG.info("Rebuilding the read models from score-computed and survey-submitted");
        QuarkusTransaction.requiringNew().run(() -> {
            scores.clear();
            submissions.clear();
            processed.forgetAll();
        });
        List<TopicRebuild> topics = new ArrayList<>();
        topics.add(replay(EventType.SCORE_COMPUTED.topic(), scoreProjection));
        topics.add(replay(EventType.SURVEY_SUBMITTED.topic(), submissionProjection));
        RebuildReport report = RebuildReport.of(started, Instant.now(), topics);
        for (TopicRebuild topic : topics) {
            LOG.infof("Rebuilt from %d record(s) of %s: %d applied, %d superseded, %d duplicate, %d poison skipped",
                    topic.records(), topic.topic(), topic.applied(), topic.superseded(), topic.duplicates(),
                    topic.poisonSkipped());
        }
        return report;
    }

    private TopicRebuild replay(String topic, Projection projection) {
        Map<Projection.Outcome, Long> outcomes = new EnumMap<>(Projection.Outcome.class);
        long[] poison = {0};
        TopicReplay.Replayed replayed;
        try {
            replayed = replay.replay(topic, record -> {
                try {
                    outcomes.merge(projection.handle(record.value()), 1L, Long::sum);
                } catch (PoisonEventException e) {
                    // Dead-lettered by the live consumer when it first met the record; here it is only skipped.
                    poison[0]++;
                    LOG.warnf("Rebuild skipped poison record %s: %s", position(record), e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            long read = outcomes.values().stream().mapToLong(Long::longValue).sum() + poison[0];
            LOG.errorf(e, "Rebuild failed after %d record(s) of %s; the read model stays incomplete until a rebuild "
                    + "succeeds", read, topic);
            throw new RebuildFailedException("The rebuild stopped after " + read + " record(s) of " + topic + ": "
                    + e.getMessage() + ". The read model stays incomplete until a rebuild succeeds; run it again.", e);
        }
        return new TopicRebuild(topic, replayed.partitions(), replayed.records(),
                outcomes.getOrDefault(Projection.Outcome.APPLIED, 0L),
                outcomes.getOrDefault(Projection.Outcome.SUPERSEDED, 0L),
                outcomes.getOrDefault(Projection.Outcome.DUPLICATE, 0L), poison[0]);
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
    }
}
