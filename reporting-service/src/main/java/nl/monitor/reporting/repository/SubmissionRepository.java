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

import nl.monitor.reporting.MunicipalityYear;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static nl.monitor.reporting.repository.ColumnArrays.Type.BOOL;
import static nl.monitor.reporting.repository.ColumnArrays.Type.INT;
import static nl.monitor.reporting.repository.ColumnArrays.Type.TEXT;
import static nl.monitor.reporting.repository.ColumnArrays.Type.TIMESTAMPTZ;
import static nl.monitor.reporting.repository.ColumnArrays.Type.UUID;

/** The answers of each municipality's current assessment version per year (schema V2). */
@ApplicationScoped
public class SubmissionRepository {

    private final EntityManager entityManager;

    public SubmissionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A submission to store as the current one of its municipality and year, with the region and size class of its
     * municipality.
     */
    public record CurrentSubmission(SurveySubmitted submission, String region, int sizeClass, String eventId) {
    }

    /**
     * Stores each submission as the municipality's current one for its year unless the stored one is newer, ordered
     * by (version, submitted-at), and replaces the answers of those stored: one statement per table however many
     * submissions (at most one per municipality and year; see
     * {@link MunicipalityScoreRepository#storeIfCurrent}).
     *
     * @return the municipalities and years whose current submission is now one of these
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<MunicipalityYear> storeIfCurrent(List<CurrentSubmission> current) {
        if (current.isEmpty()) {
            return Set.of();
        }
        ColumnArrays rows = new ColumnArrays(TEXT, INT, TEXT, INT, UUID, INT, INT, TIMESTAMPTZ, INT, INT, INT, TEXT);
        for (CurrentSubmission c : current) {
            SurveySubmitted submission = c.submission();
            SelfAssessmentGrades grades = submission.extras() == null ? null : submission.extras().grades();
            rows.add(submission.municipality(), submission.year(), c.region(), c.sizeClass(),
                    submission.submissionId(), submission.version(), submission.questionnaireVersion(),
                    submission.submittedAt(), grades == null ? null : grades.past(),
                    grades == null ? null : grades.current(), grades == null ? null : grades.expected(), c.eventId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> stored = rows.bind(entityManager.createNativeQuery("""
                        INSERT INTO municipality_submission AS s (municipality, year, region, size_class, submission_id,
                            version, questionnaire_version, submitted_at, grade_past, grade_current, grade_expected,
                            event_id, updated_at)
                        SELECT *, now() FROM %s
                        ON CONFLICT (municipality, year) DO UPDATE SET
                            region = excluded.region, size_class = excluded.size_class,
                            submission_id = excluded.submission_id, version = excluded.version,
                            questionnaire_version = excluded.questionnaire_version,
                            submitted_at = excluded.submitted_at, grade_past = excluded.grade_past,
                            grade_current = excluded.grade_current, grade_expected = excluded.grade_expected,
                            event_id = excluded.event_id, updated_at = excluded.updated_at
                        WHERE (excluded.version, excluded.submitted_at) >= (s.version, s.submitted_at)
                        RETURNING municipality, year
                        """.formatted(rows.unnest(1))), 1).getResultList();
        Set<MunicipalityYear> now = new HashSet<>();
        stored.forEach(row -> now.add(new MunicipalityYear((String) row[0], ((Number) row[1]).intValue())));
        replaceAnswers(current.stream().filter(c -> now.contains(
                new MunicipalityYear(c.submission().municipality(), c.submission().year()))).toList());
        return now;
    }

    /** Replaces the goal answers, chosen options and extra choices of the municipalities' current submissions. */
    private void replaceAnswers(List<CurrentSubmission> current) {
        if (current.isEmpty()) {
            return;
        }
        ColumnArrays keys = new ColumnArrays(TEXT, INT);
        ColumnArrays goals = new ColumnArrays(TEXT, INT, INT, TEXT, BOOL, BOOL, TEXT, INT);
        ColumnArrays options = new ColumnArrays(TEXT, INT, INT, TEXT, TEXT, TEXT, INT);
        ColumnArrays choices = new ColumnArrays(TEXT, INT, TEXT, TEXT);
        for (CurrentSubmission c : current) {
            SurveySubmitted submission = c.submission();
            String municipality = submission.municipality();
            int year = submission.year();
            keys.add(municipality, year);
            for (GoalAnswer goal : submission.goals()) {
                goals.add(municipality, year, goal.goal(), goal.borging().inclusion().name(),
                        goal.inhoud().deploysMeasures(), goal.bereik().insight(), c.region(), c.sizeClass());
                for (CategoryAnswer category : goal.inhoud().categories()) {
                    Set<String> chosen = new LinkedHashSet<>();
                    category.options().stream().map(OptionAnswer::option).forEach(chosen::add);
                    for (String option : chosen) {
                        options.add(municipality, year, goal.goal(), category.category(), option, c.region(),
                                c.sizeClass());
                    }
                }
            }
            addChoices(choices, municipality, year, submission.extras());
        }
        for (String table : List.of("submission_goal", "submission_option", "submission_extra_choice")) {
            keys.bind(entityManager.createNativeQuery("DELETE FROM " + table
                    + " WHERE (municipality, year) IN (SELECT * FROM " + keys.unnest(1) + ")"), 1).executeUpdate();
        }
        insert("submission_goal (municipality, year, goal, inclusion, deploys_measures, reach_insight, region, "
                + "size_class)", goals);
        insert("submission_option (municipality, year, goal, category, option, region, size_class)", options);
        insert("submission_extra_choice (municipality, year, question, option)", choices);
    }

    private void insert(String tableAndColumns, ColumnArrays rows) {
        if (!rows.isEmpty()) {
            rows.bind(entityManager.createNativeQuery("INSERT INTO " + tableAndColumns + " SELECT * FROM "
                    + rows.unnest(1)), 1).executeUpdate();
        }
    }

    private static void addChoices(ColumnArrays rows, String municipality, int year, ExtraAnswers extras) {
        if (extras == null) {
            return;
        }
        addChoices(rows, municipality, year, ExtraQuestion.RISK_GROUP_FIGURES, extras.riskGroupFigures());
        addChoices(rows, municipality, year, ExtraQuestion.TARGET_GROUP_POLICY, extras.targetGroupPolicies());
        addChoices(rows, municipality, year, ExtraQuestion.COOPERATION_IMPROVED, single(extras.cooperationImproved()));
        addChoices(rows, municipality, year, ExtraQuestion.YOUTH_INVOLVED,
                extras.youthInvolved() == null ? List.of() : List.of(extras.youthInvolved() ? "yes" : "no"));
        addChoices(rows, municipality, year, ExtraQuestion.REGIONAL_VISION, single(extras.regionalVision()));
    }

    private static List<String> single(String option) {
        return option == null ? List.of() : List.of(option);
    }

    private static void addChoices(ColumnArrays rows, String municipality, int year, String question,
                                   List<String> options) {
        for (String option : new LinkedHashSet<>(options)) {
            rows.add(municipality, year, question, option);
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
