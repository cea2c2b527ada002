package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.ScoringRules;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import nl.monitor.reporting.report.ReportScope;
import nl.monitor.reporting.repository.ReportQueries;
import nl.monitor.reporting.repository.ReportQueries.Row;
import nl.monitor.rest.InvalidInputException;

import java.util.List;

/**
 * Which questionnaire a year's reports speak: the one its current assessments answered (a wave names one; where a
 * year without a wave mixes them, the one most answered), else the one its scores' rules score, else the default
 * ({@link Questionnaires#LATEST}). Goals, their titles and measure options, and the extra questions of a report all
 * come from it, so a year of the BMC points of attention (version 2) reports eleven goals.
 */
@ApplicationScoped
public class YearQuestionnaires {

    private final ReportQueries sql;

    public YearQuestionnaires(ReportQueries sql) {
        this.sql = sql;
    }

    public Questionnaire of(int year) {
        List<Row> answered = sql.query("""
                SELECT questionnaire_version AS version, count(*) AS n FROM municipality_submission WHERE year = ?
                GROUP BY questionnaire_version ORDER BY n DESC, version LIMIT 1
                """, year);
        if (!answered.isEmpty() && Questionnaires.exists(answered.get(0).integer("version"))) {
            return Questionnaires.version(answered.get(0).integer("version"));
        }
        List<Row> scored = sql.query("""
                SELECT rules_version AS version, count(*) AS n FROM municipality_score WHERE year = ?
                GROUP BY rules_version ORDER BY n DESC, version LIMIT 1
                """, year);
        if (!scored.isEmpty() && ScoringRulesCatalog.exists(scored.get(0).integer("version"))) {
            return Questionnaires.version(
                    ScoringRulesCatalog.version(scored.get(0).integer("version")).questionnaireVersion());
        }
        return Questionnaires.latest();
    }

    /**
     * The questionnaire of a report's year; its comparison year must speak the same one (422 on {@code compareWith}
     * otherwise: goal 3 of one instrument is not goal 3 of another).
     */
    public Questionnaire of(ReportScope scope) {
        Questionnaire questionnaire = of(scope.year());
        if (scope.compareWith() != null) {
            Questionnaire earlier = of(scope.compareWith());
            if (earlier.version() != questionnaire.version()) {
                throw InvalidInputException.of("compareWith", "other-questionnaire", scope.compareWith()
                        + " was answered with questionnaire version " + earlier.version() + " (" + earlier.name()
                        + "), " + scope.year() + " with version " + questionnaire.version() + " ("
                        + questionnaire.name() + "); only years of one questionnaire compare");
            }
        }
        return questionnaire;
    }

    /** The latest rules for a questionnaire: their bands and maxima (the same 0-100 scale for every version). */
    public static ScoringRules rules(Questionnaire questionnaire) {
        return ScoringRulesCatalog.latestFor(questionnaire.version()).orElseGet(ScoringRulesCatalog::latest);
    }
}
