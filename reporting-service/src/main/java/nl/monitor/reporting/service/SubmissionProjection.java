package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reporting.MunicipalityYear;
import nl.monitor.reporting.repository.SubmissionRepository;
import nl.monitor.reporting.repository.SubmissionRepository.CurrentSubmission;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Projects {@code survey-submitted} events onto the answers read model: the answers of each municipality's current
 * assessment version per year. Used by the live consumer and by the rebuild alike.
 */
@ApplicationScoped
public class SubmissionProjection implements ReplayableProjection<SurveySubmitted> {

    private static final VersionPeek PEEK = new VersionPeek("version", null, "submittedAt");
    private static final Logger LOG = Logger.getLogger(SubmissionProjection.class);

    private final SubmissionRepository submissions;

    public SubmissionProjection(SubmissionRepository submissions) {
        this.submissions = submissions;
    }

    @Override
    public EventType type() {
        return EventType.SURVEY_SUBMITTED;
    }

    /** Projects one event, inside the transaction of its batch (see {@link EventHandler}). */
    @Override
    // Poison does not doom the transaction: the batch runs again without the record.
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public Outcome handle(CloudEvent<SurveySubmitted> event) {
        SurveySubmitted submission = event.data();
        Municipality municipality = place(submission);
        if (submissions.storeIfCurrent(List.of(current(event, municipality))).isEmpty()) {
            LOG.debugf("Ignored submission %s (%s %d v%d): a newer version is current", submission.submissionId(),
                    submission.municipality(), submission.year(), submission.version());
            return Outcome.SUPERSEDED;
        }
        LOG.debugf("Current answers of %s %d are now submission %s v%d (%d goal(s))", submission.municipality(),
                submission.year(), submission.submissionId(), submission.version(), submission.goals().size());
        return Outcome.APPLIED;
    }

    @Override
    public Municipality place(SurveySubmitted submission) {
        // The year's division first (a year under its own names, regions, size classes), a current code for events
        // stored before the rule of issue 26; an earlier year's score folds into its successors' trends.
        Municipality municipality = MunicipalityDivisions.municipalityOf(submission.municipality(), submission.year())
                .orElseThrow(() -> new PoisonEventException(MunicipalityDivisions.unknown(submission.municipality(),
                        submission.year())));
        requireDistinctGoals(submission);
        return municipality;
    }

    @Override
    public MunicipalityYear key(SurveySubmitted submission) {
        return new MunicipalityYear(submission.municipality(), submission.year());
    }

    @Override
    public VersionRank rank(SurveySubmitted submission) {
        return new VersionRank(submission.version(), 0, submission.submittedAt());
    }

    @Override
    public VersionPeek versionPeek() {
        return PEEK;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(List<Newest<SurveySubmitted>> newest) {
        submissions.storeIfCurrent(newest.stream().map(n -> current(n.event(), n.municipality())).toList());
    }

    private static CurrentSubmission current(CloudEvent<SurveySubmitted> event, Municipality municipality) {
        return new CurrentSubmission(event.data(), municipality.region(), municipality.sizeClass().number(),
                event.id());
    }

    private static void requireDistinctGoals(SurveySubmitted submission) {
        Set<Integer> seen = new HashSet<>();
        for (GoalAnswer goal : submission.goals()) {
            if (goal == null || goal.borging() == null || goal.borging().inclusion() == null || goal.inhoud() == null || goal.bereik() == null) {
                throw new PoisonEventException("submission " + submission.submissionId() + " has an incomplete goal");
            }
            if (!seen.add(goal.goal())) {
                throw new PoisonEventException("submission " + submission.submissionId() + " lists goal "
                        + goal.goal() + " twice");
            }
            if (Questionnaires.exists(submission.questionnaireVersion())
                    && Questionnaires.version(submission.questionnaireVersion()).goal(goal.goal()).isEmpty()) {
                throw new PoisonEventException("submission " + submission.submissionId() + " answers goal "
                        + goal.goal() + ", which questionnaire v" + submission.questionnaireVersion()
                        + " does not have");
            }
        }
    }
}
