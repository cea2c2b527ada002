package nl.monitor.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.messaging.ProcessedEvents;
import nl.monitor.reporting.messaging.ScoreComputedReplay;
import nl.monitor.reporting.repository.MunicipalityScoreRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rebuilds the read model from {@code score-computed}: empties it and forgets the processed events in one
 * transaction, then replays the topic from the beginning through the same {@link ScoreProjection} the live consumer
 * uses.
 * <p>
 * The end offsets are captured after the emptying commits: whatever the live consumer projected before that was
 * deleted and lies below those offsets, so the replay brings it back; whatever it projects afterwards is marked
 * processed, so the replay skips it (and the reverse). The table lock of
 * {@link MunicipalityScoreRepository#clear()} makes a projection commit wholly before or wholly after the emptying.
 * Since the newest score wins whatever the arrival order, the result is the same read model.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    private final MunicipalityScoreRepository scores;
    private final ProcessedEvents processed;
    private final ScoreProjection projection;
    private final ScoreComputedReplay replay;
    private final ReentrantLock running = new ReentrantLock();

    public ReadModelRebuild(MunicipalityScoreRepository scores, ProcessedEvents processed, ScoreProjection projection,
                            ScoreComputedReplay replay) {
        this.scores = scores;
        this.processed = processed;
        this.projection = projection;
        this.replay = replay;
    }

    /** A rebuild stopped part-way; the read model stays incomplete until a rebuild succeeds. */
    public static class RebuildFailedException extends RuntimeException {
        RebuildFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Rebuilds the read model, unless this instance is rebuilding already (then empty).
     *
     * @throws RebuildFailedException when the replay stopped on a fault that is not a poison record
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
        LOG.info("Rebuilding the read model from score-computed");
        QuarkusTransaction.requiringNew().run(() -> {
            scores.clear();
            processed.forgetAll();
        });
        Map<ScoreProjection.Outcome, Long> outcomes = new EnumMap<>(ScoreProjection.Outcome.class);
        long[] poison = {0};
        ScoreComputedReplay.Replayed replayed;
        try {
            replayed = replay.replay(record -> {
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
            LOG.errorf(e, "Rebuild failed after %d record(s); the read model stays incomplete until a rebuild "
                    + "succeeds", read);
            throw new RebuildFailedException("The rebuild stopped after " + read + " record(s): " + e.getMessage()
                    + ". The read model stays incomplete until a rebuild succeeds; run it again.", e);
        }
        RebuildReport report = new RebuildReport(started, Instant.now(), replayed.topic(), replayed.partitions(),
                replayed.records(), outcomes.getOrDefault(ScoreProjection.Outcome.APPLIED, 0L),
                outcomes.getOrDefault(ScoreProjection.Outcome.SUPERSEDED, 0L),
                outcomes.getOrDefault(ScoreProjection.Outcome.DUPLICATE, 0L), poison[0]);
        LOG.infof("Rebuilt the read model from %d record(s) of %s: %d applied, %d superseded, %d duplicate, "
                        + "%d poison skipped", report.records(), report.topic(), report.applied(), report.superseded(),
                report.duplicates(), report.poisonSkipped());
        return report;
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
    }
}
