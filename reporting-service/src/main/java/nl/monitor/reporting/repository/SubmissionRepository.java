package nl.monitor.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.SelfAssessmentGrades;
import nl.monitor.domain.questionnaire.ExtraQuestion;

import nl.monitor.reporting.MunicipalityYear;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.monitor.reporting.repository.ColumnArrays.Type.BOOL;
import static nl.monitor.reporting.repository.ColumnArrays.Type.INT;
import static nl.monitor.reporting.repository.ColumnArrays.Type.JSONB;
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
     * SQL of the columns {@code category} and {@code option} of an element of {@code submission_goal.options}, the
     * text expression {@code chosen} (see {@link #chosenOptions}).
     */
    public static String categoryAndOption(String chosen) {
        return "split_part(%1$s, '/', 1) AS category, substr(%1$s, strpos(%1$s, '/') + 1) AS option"
                .formatted(chosen);
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
        ColumnArrays rows = new ColumnArrays(TEXT, INT, TEXT, INT, UUID, INT, INT, TIMESTAMPTZ, INT, INT, INT, JSONB,
                TEXT);
        for (CurrentSubmission c : current) {
            SurveySubmitted submission = c.submission();
            SelfAssessmentGrades grades = submission.extras() == null ? null : submission.extras().grades();
            rows.add(submission.municipality(), submission.year(), c.region(), c.sizeClass(),
                    submission.submissionId(), submission.version(), submission.questionnaireVersion(),
                    submission.submittedAt(), grades == null ? null : grades.past(),
                    grades == null ? null : grades.current(), grades == null ? null : grades.expected(),
                    extraChoices(submission.extras()), c.eventId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> stored = rows.bind(entityManager.createNativeQuery("""
                        INSERT INTO municipality_submission AS s (municipality, year, region, size_class, submission_id,
                            version, questionnaire_version, submitted_at, grade_past, grade_current, grade_expected,
                            extra_choices, event_id, updated_at)
                        SELECT *, now() FROM %s
                        ON CONFLICT (municipality, year) DO UPDATE SET
                            region = excluded.region, size_class = excluded.size_class,
                            submission_id = excluded.submission_id, version = excluded.version,
                            questionnaire_version = excluded.questionnaire_version,
                            submitted_at = excluded.submitted_at, grade_past = excluded.grade_past,
                            grade_current = excluded.grade_current, grade_expected = excluded.grade_expected,
                            extra_choices = excluded.extra_choices, event_id = excluded.event_id,
                            updated_at = excluded.updated_at
                        WHERE (excluded.version, excluded.submitted_at) >= (s.version, s.submitted_at)
                        RETURNING municipality, year
                        """.formatted(rows.unnest(1))), 1).getResultList();
        Set<MunicipalityYear> now = new HashSet<>();
        stored.forEach(row -> now.add(new MunicipalityYear((String) row[0], ((Number) row[1]).intValue())));
        replaceAnswers(current.stream().filter(c -> now.contains(
                new MunicipalityYear(c.submission().municipality(), c.submission().year()))).toList());
        return now;
    }

    /**
     * Replaces the goal answers of the municipalities' current submissions, each goal with its chosen options (V13:
     * one JSONB value per goal, not a row per option) and whether and in which documents it is laid down (V15).
     */
    private void replaceAnswers(List<CurrentSubmission> current) {
        if (current.isEmpty()) {
            return;
        }
        ColumnArrays keys = new ColumnArrays(TEXT, INT);
        ColumnArrays goals = new ColumnArrays(TEXT, INT, INT, TEXT, BOOL, BOOL, TEXT, INT, JSONB, BOOL, JSONB);
        for (CurrentSubmission c : current) {
            SurveySubmitted submission = c.submission();
            String municipality = submission.municipality();
            int year = submission.year();
            keys.add(municipality, year);
            for (GoalAnswer goal : submission.goals()) {
                goals.add(municipality, year, goal.goal(), goal.borging().inclusion().name(),
                        goal.inhoud().deploysMeasures(), goal.bereik().insight(), c.region(), c.sizeClass(),
                        chosenOptions(goal), goal.borging().laidDown(),
                        new LinkedHashSet<>(goal.borging().documents()));
            }
        }
        keys.bind(entityManager.createNativeQuery("DELETE FROM submission_goal WHERE (municipality, year) IN "
                + "(SELECT * FROM " + keys.unnest(1) + ")"), 1).executeUpdate();
        goals.bind(entityManager.createNativeQuery("""
                INSERT INTO submission_goal (municipality, year, goal, inclusion, deploys_measures, reach_insight,
                    region, size_class, options, laid_down, documents)
                SELECT * FROM %s""".formatted(goals.unnest(1))), 1).executeUpdate();
    }

    /**
     * {@code submission_goal.options}: every option chosen for the goal, each once, in the order answered, as
     * {@code "<category>/<option>"} (V13).
     */
    private static Set<String> chosenOptions(GoalAnswer goal) {
        Set<String> chosen = new LinkedHashSet<>();
        for (CategoryAnswer category : goal.inhoud().categories()) {
            category.options().forEach(option -> chosen.add(category.category() + "/" + option.option()));
        }
        return chosen;
    }

    /**
     * {@code municipality_submission.extra_choices}: per extra question the options chosen (multiple choice, single
     * choice and yes/no alike), each once; a question not answered left out.
     */
    private static Map<String, Set<String>> extraChoices(ExtraAnswers extras) {
        Map<String, Set<String>> chosen = new LinkedHashMap<>();
        if (extras == null) {
            return chosen;
        }
        addChoices(chosen, ExtraQuestion.RISK_GROUP_FIGURES, extras.riskGroupFigures());
        addChoices(chosen, ExtraQuestion.TARGET_GROUP_POLICY, extras.targetGroupPolicies());
        addChoices(chosen, ExtraQuestion.COOPERATION_IMPROVED, single(extras.cooperationImproved()));
        addChoices(chosen, ExtraQuestion.YOUTH_INVOLVED,
                extras.youthInvolved() == null ? List.of() : List.of(extras.youthInvolved() ? "yes" : "no"));
        addChoices(chosen, ExtraQuestion.REGIONAL_VISION, single(extras.regionalVision()));
        return chosen;
    }

    private static List<String> single(String option) {
        return option == null ? List.of() : List.of(option);
    }

    /** Adds the options under their key, each once, or nothing when there are none. */
    private static void addChoices(Map<String, Set<String>> chosen, String key, List<String> options) {
        if (!options.isEmpty()) {
            chosen.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(options);
        }
    }

    /** Empties this read model for a rebuild; the lock as in {@link MunicipalityScoreRepository#clear()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        entityManager.createNativeQuery("LOCK TABLE municipality_submission, submission_goal IN EXCLUSIVE MODE")
                .executeUpdate();
        for (String table : List.of("submission_goal", "municipality_submission")) {
            entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }
}
