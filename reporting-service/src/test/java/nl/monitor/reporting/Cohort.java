package nl.monitor.reporting;

import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.assessment.SelfAssessmentGrades;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.domain.scoring.AssessmentScore;
import nl.monitor.domain.scoring.Scorer;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import nl.monitor.testsupport.EventPublisher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Builds hand-made assessments and publishes them as the platform does: {@code survey-submitted} as the
 * survey-service sends it, and the {@code score-computed} the scoring-service computes from the same answers with
 * domain-core's scorer, so both read models agree.
 */
final class Cohort {

    private static final EventCodec CODEC = new EventCodec();

    private Cohort() {
    }

    /** One measure category with the chosen options ("other" gets a text). */
    static CategoryAnswer category(String category, String... options) {
        return new CategoryAnswer(category, Arrays.stream(options)
                .map(o -> new OptionAnswer(o, o.equals("other") ? "eigen aanpak" : null)).toList());
    }

    static GoalAnswer goal(int goal, Inclusion inclusion, boolean laidDown, boolean deploys, ReachShare reach,
                           CategoryAnswer... categories) {
        return goal(goal, inclusion, laidDown ? List.of("regional-vision") : List.of(), deploys, reach, categories);
    }

    /** A goal laid down in the given document kinds (none: not laid down). */
    static GoalAnswer goal(int goal, Inclusion inclusion, List<String> documents, boolean deploys, ReachShare reach,
                           CategoryAnswer... categories) {
        boolean laidDown = !documents.isEmpty();
        return new GoalAnswer(goal,
                new BorgingAnswer(inclusion, laidDown, documents, null),
                new InhoudAnswer(deploys, List.of(categories), null),
                new BereikAnswer(reach != null, reach));
    }

    static ExtraAnswers extras(List<String> riskGroups, List<String> targetGroups, Integer past, Integer current,
                               Integer expected, String cooperation, Boolean youth, String regionalVision) {
        return new ExtraAnswers(riskGroups, targetGroups, new SelfAssessmentGrades(past, current, expected),
                cooperation, null, youth, null, regionalVision);
    }

    static SurveySubmitted submission(String municipality, int year, int version, ExtraAnswers extras,
                                      GoalAnswer... goals) {
        return submission(1, municipality, year, version, extras, goals);
    }

    /** A submission answering that questionnaire version. */
    static SurveySubmitted submission(int questionnaireVersion, String municipality, int year, int version,
                                      ExtraAnswers extras, GoalAnswer... goals) {
        return new SurveySubmitted(UUID.nameUUIDFromBytes((municipality + year + "v" + version).getBytes()),
                municipality, year, questionnaireVersion, version,
                Instant.parse(year + "-05-01T09:00:00Z").plusSeconds(version), List.of(goals), extras);
    }

    /** Publishes the submission only (its score published apart, e.g. by {@link ScoreEvents}). */
    static void publishSubmission(SurveySubmitted submission) {
        EventPublisher.shared().send(EventType.SURVEY_SUBMITTED.topic(), submission.municipality(),
                CODEC.encode(CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", submission.municipality(),
                        submission)));
    }

    /** Publishes the submission and its score under the latest rules of its questionnaire, keyed by municipality. */
    static void publish(SurveySubmitted submission) {
        AssessmentScore score = new Scorer(ScoringRulesCatalog.latestFor(submission.questionnaireVersion())
                .orElseThrow()).score(submission.toAssessment());
        ScoreComputed computed = new ScoreComputed(submission.submissionId(), submission.municipality(),
                submission.year(), submission.version(), score.rulesVersion(), new ArrayList<>(score.goals()),
                score.total(), score.goalsAnswered(), score.band(), submission.submittedAt().plusSeconds(30));
        publishSubmission(submission);
        EventPublisher.shared().send(EventType.SCORE_COMPUTED.topic(), submission.municipality(),
                CODEC.encode(CloudEvent.of(EventType.SCORE_COMPUTED, "/scoring-service", submission.municipality(),
                        computed)));
    }
}
