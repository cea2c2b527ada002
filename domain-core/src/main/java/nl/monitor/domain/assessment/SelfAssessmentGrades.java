package nl.monitor.domain.assessment;

/** Question 3 of Bijlage 2: report grades (1-10) for past, current and expected policy; each may be left empty. */
public record SelfAssessmentGrades(Integer past, Integer current, Integer expected) {
}
