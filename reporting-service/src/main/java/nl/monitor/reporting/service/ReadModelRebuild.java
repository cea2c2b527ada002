package nl.monitor.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.messaging.ProcessedEvents;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.messaging.consume.Outcome;
import nl.monitor.messaging.consume.TopicReplay;
import nl.monitor.reporting.config.RebuildConfig;
import nl.monitor.reporting.repository.MunicipalityScoreRepository;
import nl.monitor.reporting.repository.SubmissionRepository;
import nl.monitor.reporting.service.RebuildReport.TopicRebuild;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rebuilds the read models from {@code score-computed} and {@code survey-submitted} in <b>one database
 * transaction</b>: it locks the processed-event marks and the read-model tables against writers, empties them,
 * replays each topic from the beginning through the same projection its live consumer uses (its checks, order of
 * versions and writes; in bulk, {@link BulkReplay}: only the newest version of each municipality and year of a batch
 * is written), and commits. The replay tells duplicates by marks of its own, added to the service's processed marks
 * when it is done (the live consumer's marks are kept, so a redelivered event stays a duplicate). Readers see
 * the old read model until the commit and the new one from then on; a rebuild that fails part-way rolls back and
 * leaves the old read model as it was.
 * <p>
 * While the locks are held the live consumer waits (its batch commits after the rebuild, or is retried should it time
 * out). The end offsets are captured after the locks are taken: whatever the live consumer projected before lies below
 * them, so the replay brings it back; what it projects after the commit it finds marked processed if the replay had
 * it, and applies otherwise. Since the newest version wins whatever the arrival order, the result is the same read
 * model.
 * <p>
 * Each rebuild is recorded in the audit trail ({@value #REBUILT}) in its own transaction, with what it read. The
 * audit trail itself is not part of the read model: a rebuild neither empties nor replays it.
 */
@ApplicationScoped
public class ReadModelRebuild {

    /** The audit action of a rebuild. */
    public static final String REBUILT = "read-model.rebuilt";

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    private final MunicipalityScoreRepository scores;
    private final SubmissionRepository submissions;
    private final ProcessedEvents processed;
    private final ScoreProjection scoreProjection;
    private final SubmissionProjection submissionProjection;
    private final EventCodec codec;
    private final TopicReplay replay;
    private final RebuildConfig config;
    private final AuditTrail audit;
    private final ReentrantLock running = new ReentrantLock();

    public ReadModelRebuild(MunicipalityScoreRepository scores, SubmissionRepository submissions,
                            ProcessedEvents processed, ScoreProjection scoreProjection,
                            SubmissionProjection submissionProjection, EventCodec codec, TopicReplay replay,
                            RebuildConfig config, AuditTrail audit) {
        this.audit = audit;
        this.scores = scores;
        this.submissions = submissions;
        this.processed = processed;
        this.scoreProjection = scoreProjection;
        this.submissionProjection = submissionProjection;
        this.codec = codec;
        this.replay = replay;
        this.config = config;
    }

    /** A rebuild stopped part-way and was rolled back: the read model is the one from before. */
    public static class RebuildFailedException extends RuntimeException {
        RebuildFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A topic no longer holds its whole history: a rebuild from it would lose what retention removed. */
    public static class HistoryMissingException extends RuntimeException {
        HistoryMissingException(String message) {
            super(message);
        }
    }

    /**
     * Rebuilds the read models, unless this instance is rebuilding already (then empty).
     *
     * @param force rebuild even when a topic's log no longer starts at offset 0 (what retention removed is lost)
     * @throws HistoryMissingException when a topic no longer starts at offset 0 and {@code force} is false; the
     *                                 read model is left as it was
     * @throws RebuildFailedException  when a replay stopped on a fault that is not a poison record
     */
    public Optional<RebuildReport> rebuildUnlessRunning(boolean force) {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            requireWholeHistory(force);
            return Optional.of(rebuild(force));
        } finally {
            running.unlock();
        }
    }

    private void requireWholeHistory(boolean force) {
        for (String topic : List.of(EventType.SCORE_COMPUTED.topic(), EventType.SURVEY_SUBMITTED.topic())) {
            List<TopicReplay.PartitionRange> truncated = replay.ranges(topic).stream().filter(r -> r.from() > 0)
                    .toList();
            if (!truncated.isEmpty()) {
                String message = topic + " no longer starts at offset 0 (retention removed history) in partition(s) "
                        + truncated + "; the source topics need unlimited retention (retention.ms=-1)";
                if (!force) {
                    throw new HistoryMissingException(message + ". Nothing was changed; rebuild with force=true to "
                            + "accept the loss.");
                }
                LOG.warnf("Rebuilding although %s (forced)", message);
            }
        }
    }

    private RebuildReport rebuild(boolean force) {
        Instant started = Instant.now();
        LOG.info("Rebuilding the read models from score-computed and survey-submitted");
        List<TopicRebuild> topics = QuarkusTransaction.requiringNew()
                .timeout((int) Math.max(1, config.timeout().plusMinutes(1).toSeconds())).call(() -> {
                    processed.lockForRebuild();
                    scores.clear();
                    submissions.clear();
                    processed.beginReplay();
                    List<TopicRebuild> replayed = List.of(replay(scoreProjection), replay(submissionProjection));
                    processed.endReplay();
                    audit.record(REBUILT, "read-model", null, details(force, replayed));
                    return replayed;
                });
        RebuildReport report = RebuildReport.of(started, Instant.now(), topics);
        for (TopicRebuild topic : topics) {
            LOG.infof("Rebuilt from %d record(s) of %s: %d applied, %d superseded, %d duplicate, %d poison skipped",
                    topic.records(), topic.topic(), topic.applied(), topic.superseded(), topic.duplicates(),
                    topic.poisonSkipped());
        }
        return report;
    }

    private static Map<String, Object> details(boolean force, List<TopicRebuild> topics) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("force", force);
        for (TopicRebuild topic : topics) {
            details.put(topic.topic(), topic.records() + " records, " + topic.applied() + " applied, "
                    + topic.superseded() + " superseded, " + topic.duplicates() + " duplicates, "
                    + topic.poisonSkipped() + " poison skipped");
        }
        return details;
    }

    private TopicRebuild replay(ReplayableProjection<?> projection) {
        String topic = projection.type().topic();
        TopicReplay.Replayed replayed;
        long start = System.nanoTime();
        Decoders decoders = new Decoders(Runtime.getRuntime().availableProcessors());
        BulkReplay<?> bulk = new BulkReplay<>(projection, codec, processed, config.heldVersions(), decoders,
                replay);
        try (decoders) {
            replayed = replay.replay(topic, config.timeout(), bulk);
            bulk.finish();
            LOG.infof("Replayed %d record(s) of %s in %d ms: %d ms decoding and checking, %d ms marking and writing",
                    replayed.records(), topic, (System.nanoTime() - start) / 1_000_000, bulk.decodeMillis(),
                    bulk.writeMillis());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild failed after %d record(s) of %s; rolled back, the read model stays as it was",
                    bulk.replayed(), topic);
            throw new RebuildFailedException("The rebuild stopped after " + bulk.replayed() + " record(s) of " + topic
                    + ": " + e.getMessage() + ". Nothing was changed: the read model is the one from before the "
                    + "rebuild; run it again.", e);
        }
        return new TopicRebuild(topic, replayed.partitions(), replayed.records(), bulk.count(Outcome.APPLIED),
                bulk.count(Outcome.SUPERSEDED), bulk.count(Outcome.DUPLICATE), bulk.count(Outcome.POISON));
    }
}
