package nl.monitor.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.assessment.SelfAssessmentGrades;
import nl.monitor.domain.questionnaire.ExtraQuestion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The answers of each municipality's current assessment version per year (schema V2). */
@ApplicationScoped
public class SubmissionRepository {

    private final EntityManager entityManager;

    public SubmissionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the submission as the municipality's current one for its year unless the stored one is newer, ordered by
     * (version, submitted-at), in one statement (see {@link MunicipalityScoreRepository#storeIfCurrent}).
     *
     * @return whether the submission is now the current one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeIfCurrent(SurveySubmitted submission, String region, int sizeClass, String eventId) {
        SelfAssessmentGrades grades = submission.extras() == null ? null : submission.extras().grades();
        return entityManager.createNativeQuery("""
                        INSERT INTO municipality_submission AS s (municipality, year, region, size_class, submission_id,
                            version, questionnaire_version, submitted_at, grade_past, grade_current, grade_expected,
                            event_id, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, now())
                        ON CONFLICT (municipality, year) DO UPDATE SET
                            region = excluded.region, size_class = excluded.size_class,
                            submission_id = excluded.submission_id, version = excluded.version,
                            questionnaire_version = excluded.questionnaire_version,
                            submitted_at = excluded.submitted_at, grade_past = excluded.grade_past,
                            grade_current = excluded.grade_current, grade_expected = excluded.grade_expected,
                            event_id = excluded.event_id, updated_at = excluded.updated_at
                        WHERE (excluded.version, excluded.submitted_at) >= (s.version, s.submitted_at)
                        """)
                .setParameter(1, submission.municipality())
                .setParameter(2, submission.year())
                .setParameter(3, region)
                .setParameter(4, sizeClass)
                .setParameter(5, submission.submissionId())
                .setParameter(6, submission.version())
                .setParameter(7, submission.questionnaireVersion())
                .setParameter(8, submission.submittedAt())
                .setParameter(9, grades == null ? null : grades.past())
                .setParameter(10, grades == null ? null : grades.current())
                .setParameter(11, grades == null ? null : grades.expected())
                .setParameter(12, eventId)
                .executeUpdate() == 1;
    }

    /** Replaces the goal answers, chosen options and extra choices of the municipality's current submission. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceAnswers(SurveySubmitted submission, String region, int sizeClass) {
        String municipality = submission.municipality();
        int year = submission.year();
        for (String table : List.of("submission_goal", "submission_option", "submission_extra_choice")) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE municipality = ?1 AND year = ?2")
                    .setParameter(1, municipality).setParameter(2, year).executeUpdate();
        }
        List<List<Object>> goals = new ArrayList<>();
        List<List<Object>> options = new ArrayList<>();
        for (GoalAnswer goal : submission.goals()) {
            goals.add(List.of(municipality, year, goal.goal(), goal.borging().inclusion().name(),
                    goal.inhoud().deploysMeasures(), goal.bereik().insight(), region, sizeClass));
            for (CategoryAnswer category : goal.inhoud().categories()) {
                Set<String> chosen = new LinkedHashSet<>();
                category.options().stream().map(OptionAnswer::option).forEach(chosen::add);
                for (String option : chosen) {
                    options.add(List.of(municipality, year, goal.goal(), category.category(), option, region,
                            sizeClass));
                }
            }
        }
        MultiRowInsert.insert(entityManager, "submission_goal (municipality, year, goal, inclusion, "
                + "deploys_measures, reach_insight, region, size_class)", goals);
        MultiRowInsert.insert(entityManager, "submission_option (municipality, year, goal, category, option, "
                + "region, size_class)", options);
        ExtraAnswers extras = submission.extras();
        if (extras == null) {
            return;
        }
        List<List<Object>> choices = new ArrayList<>();
        addChoices(choices, municipality, year, ExtraQuestion.RISK_GROUP_FIGURES, extras.riskGroupFigures());
        addChoices(choices, municipality, year, ExtraQuestion.TARGET_GROUP_POLICY, extras.targetGroupPolicies());
        addChoices(choices, municipality, year, ExtraQuestion.COOPERATION_IMPROVED,
                single(extras.cooperationImproved()));
        addChoices(choices, municipality, year, ExtraQuestion.YOUTH_INVOLVED,
                extras.youthInvolved() == null ? List.of() : List.of(extras.youthInvolved() ? "yes" : "no"));
        addChoices(choices, municipality, year, ExtraQuestion.REGIONAL_VISION, single(extras.regionalVision()));
        MultiRowInsert.insert(entityManager, "submission_extra_choice (municipality, year, question, option)",
                choices);
    }

    private static List<String> single(String option) {
        return option == null ? List.of() : List.of(option);
    }

    private static void addChoices(List<List<Object>> rows, String municipality, int year, String question,
                                   List<String> options) {
        for (String option : new LinkedHashSet<>(options)) {
            rows.add(List.of(municipality, year, question, option));
        }
    }

    /** Empties this read model for a rebuild; the lock as in {@link MunicipalityScoreRepository#clear()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        entityManager.createNativeQuery("LOCK TABLE municipality_submission, submission_goal, submission_option, "
                + "submission_extra_choice IN EXCLUSIVE MODE").executeUpdate();
        for (String table : List.of("submission_extra_choice", "submission_option", "submission_goal",
                "municipality_submission")) {
            entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }
}
