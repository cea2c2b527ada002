package nl.monitor.survey.service;

import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;

import java.util.List;

/** What the {@code answers} column holds: the validated goals and extras of one submission. */
public record Answers(List<GoalAnswer> goals, ExtraAnswers extras) {
}
