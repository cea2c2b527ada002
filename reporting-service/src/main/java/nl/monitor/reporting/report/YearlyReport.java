package nl.monitor.reporting.report;

import java.util.List;

/**
 * The yearly report of seed 000 as one document: the same report objects the JSON endpoints return, in the 2017
 * report's order — response (Tabel 3.1), per goal the scores by component (Figuur 4.1-4.10) and the measures
 * (Tabel 4.1-4.10), policy inclusion (Tabel 4.11) with the documents goals are laid down in, the size classes (Figuur 4.11), the grades (Tabel 4.12) and the
 * shares below and above the bands — and what the methods page states.
 *
 * @param rulesVersion         the scoring rules version the year is reported in
 * @param questionnaireVersion the questionnaire version
 */
public record YearlyReport(int year, Integer compareWith, String region, int questionnaireVersion, int rulesVersion,
                           ParticipationReport participation, GoalScoresReport goalScores, MeasuresReport measures,
                           PolicyInclusionReport policyInclusion, DocumentsReport documents,
                           DistributionReport distribution,
                           ExtrasReport extras) {

    /** One sheet per table, in the document's order. */
    public List<ExcelWorkbook.Table> sheets() {
        return List.of(new ExcelWorkbook.Table("3.1 respons", participation.table()),
                new ExcelWorkbook.Table("4.1-4.10 scores", goalScores.table()),
                new ExcelWorkbook.Table("4.1-4.10 maatregelen", measures.table()),
                new ExcelWorkbook.Table("4.11 beleid", policyInclusion.table()),
                new ExcelWorkbook.Table("borging documenten", documents.table()),
                new ExcelWorkbook.Table("verdeling", distribution.table()),
                new ExcelWorkbook.Table("4.12 extra vragen", extras.table()));
    }
}
