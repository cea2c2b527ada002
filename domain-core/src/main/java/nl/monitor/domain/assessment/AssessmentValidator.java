package nl.monitor.domain.assessment;

import nl.monitor.domain.questionnaire.ChoiceOption;
import nl.monitor.domain.questionnaire.ExtraQuestion;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.GradeScale;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.MeasureCategory;
import nl.monitor.domain.questionnaire.MeasureOption;
import nl.monitor.domain.questionnaire.Questionnaire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an assessment against its questionnaire and returns every problem at once, each with its path.
 * An empty list means the assessment is valid and can be scored.
 */
public final class AssessmentValidator {

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("GM\\d{4}");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;
    /** The longest free text (an "Anders" description, an explanation) a respondent may give, in characters. */
    public static final int MAX_TEXT_LENGTH = 2_000;

    private final Questionnaire questionnaire;

    public AssessmentValidator(Questionnaire questionnaire) {
        this.questionnaire = Objects.requireNonNull(questionnaire);
    }

    public List<Violation> validate(Assessment assessment) {
        Problems problems = new Problems();
        if (assessment == null) {
            problems.add("", ViolationCode.REQUIRED, "an assessment is required");
            return problems.list();
        }
        if (assessment.municipality() == null || !MUNICIPALITY_CODE.matcher(assessment.municipality()).matches()) {
            problems.add("municipality", ViolationCode.INVALID_FORMAT,
                    "must be a CBS municipality code such as GM0363, was " + quoted(assessment.municipality()));
        }
        if (assessment.year() < FIRST_YEAR || assessment.year() > LAST_YEAR) {
            problems.add("year", ViolationCode.OUT_OF_RANGE,
                    "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + assessment.year());
        }
        if (assessment.questionnaireVersion() != questionnaire.version()) {
            problems.add("questionnaireVersion", ViolationCode.UNKNOWN_VERSION,
                    "must be " + questionnaire.version() + ", was " + assessment.questionnaireVersion());
        }
        validateGoals(assessment.goals(), problems);
        if (assessment.extras() != null) {
            validateExtras(assessment.extras(), problems.at("extras"));
        }
        return problems.list();
    }

    private void validateGoals(List<GoalAnswer> goals, Problems problems) {
        if (goals == null || goals.isEmpty()) {
            problems.add("goals", ViolationCode.REQUIRED, "at least one goal must be answered");
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < goals.size(); i++) {
            Problems at = problems.at("goals[" + i + "]");
            GoalAnswer answer = goals.get(i);
            if (answer == null) {
                at.add(ViolationCode.REQUIRED, "a goal answer may not be null");
                continue;
            }
            Optional<Goal> goal = questionnaire.goal(answer.goal());
            if (goal.isEmpty()) {
                at.at("goal").add(ViolationCode.UNKNOWN_GOAL, "questionnaire v" + questionnaire.version()
                        + " has no goal " + answer.goal());
                continue;
            }
            if (!seen.add(answer.goal())) {
                at.at("goal").add(ViolationCode.DUPLICATE, "goal " + answer.goal() + " is answered more than once");
            }
            validateBorging(answer.borging(), at.at("borging"));
            validateInhoud(goal.get(), answer.inhoud(), at.at("inhoud"));
            validateBereik(answer.bereik(), at.at("bereik"));
        }
    }

    private void validateBorging(BorgingAnswer borging, Problems at) {
        if (borging == null) {
            at.add(ViolationCode.REQUIRED, "an answered goal needs its borging part");
            return;
        }
        if (borging.inclusion() == null) {
            at.at("inclusion").add(ViolationCode.REQUIRED, "say whether the goal is included in policy");
        }
        boolean included = borging.inclusion() == Inclusion.INCLUDED;
        if (borging.laidDown() && !included) {
            at.at("laidDown").add(ViolationCode.LAID_DOWN_WITHOUT_INCLUSION,
                    "a goal can only be laid down in a document when it is included in policy");
        }
        if (!borging.laidDown() && !borging.documents().isEmpty()) {
            at.at("documents").add(ViolationCode.DOCUMENTS_WITHOUT_LAID_DOWN,
                    "documents are named only when the goal is laid down");
        }
        if (borging.laidDown() && borging.documents().isEmpty()) {
            at.at("documents").add(ViolationCode.REQUIRED, "name the document(s) the goal is laid down in");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < borging.documents().size(); i++) {
            String id = borging.documents().get(i);
            Problems docAt = at.at("documents[" + i + "]");
            Optional<ChoiceOption> kind = questionnaire.borging().documentKind(id);
            if (kind.isEmpty()) {
                docAt.add(ViolationCode.UNKNOWN_OPTION, "unknown document kind " + quoted(id));
                continue;
            }
            if (!seen.add(id)) {
                docAt.add(ViolationCode.DUPLICATE, "document kind " + id + " is named more than once");
            }
        }
        boolean otherNamed = seen.stream().map(questionnaire.borging()::documentKind)
                .anyMatch(kind -> kind.orElseThrow().needsText());
        if (otherNamed && isBlank(borging.otherDocumentText())) {
            at.at("otherDocumentText").add(ViolationCode.TEXT_REQUIRED, "name the other document");
        }
        checkLength(borging.otherDocumentText(), at.at("otherDocumentText"));
    }

    private void validateInhoud(Goal goal, InhoudAnswer inhoud, Problems at) {
        if (inhoud == null) {
            at.add(ViolationCode.REQUIRED, "an answered goal needs its inhoud part");
            return;
        }
        checkLength(inhoud.otherMeasure(), at.at("otherMeasure"));
        Set<String> answered = new HashSet<>();
        for (int c = 0; c < inhoud.categories().size(); c++) {
            CategoryAnswer answer = inhoud.categories().get(c);
            Problems categoryAt = at.at("categories[" + c + "]");
            if (answer == null) {
                categoryAt.add(ViolationCode.REQUIRED, "a category answer may not be null");
                continue;
            }
            Optional<MeasureCategory> category = goal.category(answer.category());
            if (category.isEmpty()) {
                categoryAt.at("category").add(ViolationCode.UNKNOWN_CATEGORY,
                        "goal " + goal.number() + " has no measure category " + quoted(answer.category()));
                continue;
            }
            if (!answered.add(answer.category())) {
                categoryAt.at("category").add(ViolationCode.DUPLICATE,
                        "category " + answer.category() + " is answered more than once");
            }
            validateCategory(category.get(), answer, inhoud.deploysMeasures(), categoryAt);
        }
        if (inhoud.deploysMeasures()) {
            for (MeasureCategory category : goal.categories()) {
                if (!answered.contains(category.id())) {
                    at.at("categories").addAbout(category.id(), ViolationCode.CATEGORY_MISSING, "category "
                            + category.id() + " is not answered; choose its options or '(geen onderdeel van beleid)'");
                }
            }
        }
    }

    private void validateCategory(MeasureCategory category, CategoryAnswer answer, boolean deploysMeasures,
                                  Problems at) {
        if (answer.options().isEmpty()) {
            at.at("options").add(ViolationCode.REQUIRED,
                    "choose at least one option or '(geen onderdeel van beleid)'");
            return;
        }
        Set<String> seen = new HashSet<>();
        boolean notInPolicy = false;
        boolean measureChosen = false;
        for (int o = 0; o < answer.options().size(); o++) {
            OptionAnswer chosen = answer.options().get(o);
            Problems optionAt = at.at("options[" + o + "]");
            if (chosen == null) {
                optionAt.add(ViolationCode.REQUIRED, "an option may not be null");
                continue;
            }
            Optional<MeasureOption> option = category.option(chosen.option());
            if (option.isEmpty()) {
                optionAt.at("option").add(ViolationCode.UNKNOWN_OPTION,
                        "category " + category.id() + " has no option " + quoted(chosen.option()));
                continue;
            }
            if (!seen.add(chosen.option())) {
                optionAt.at("option").add(ViolationCode.DUPLICATE,
                        "option " + chosen.option() + " is chosen more than once");
            }
            if (option.get().isNotInPolicy()) {
                notInPolicy = true;
            } else {
                measureChosen = true;
            }
            checkLength(chosen.text(), optionAt.at("text"));
            if (option.get().needsText() && isBlank(chosen.text())) {
                optionAt.at("text").add(ViolationCode.TEXT_REQUIRED, "'Anders' needs a description of the measure");
            }
        }
        if (notInPolicy && measureChosen) {
            at.at("options").add(ViolationCode.EXCLUSIVE_OPTION_COMBINED,
                    "'(geen onderdeel van beleid)' cannot be combined with another option");
        }
        if (measureChosen && !deploysMeasures) {
            at.at("options").add(ViolationCode.MEASURES_NOT_DEPLOYED,
                    "measures are chosen but deploysMeasures is false");
        }
    }

    private void validateBereik(BereikAnswer bereik, Problems at) {
        if (bereik == null) {
            at.add(ViolationCode.REQUIRED, "an answered goal needs its bereik part");
            return;
        }
        if (bereik.insight() && bereik.share() == null) {
            at.at("share").add(ViolationCode.REQUIRED, "with insight into reach, say which share is reached");
        }
        if (!bereik.insight() && bereik.share() != null) {
            at.at("share").add(ViolationCode.SHARE_WITHOUT_INSIGHT,
                    "a share reached can only be given with insight into reach");
        }
    }

    private void validateExtras(ExtraAnswers extras, Problems at) {
        requireAsked(ExtraQuestion.RISK_GROUP_FIGURES, !extras.riskGroupFigures().isEmpty(), at.at("riskGroupFigures"));
        requireAsked(ExtraQuestion.TARGET_GROUP_POLICY, !extras.targetGroupPolicies().isEmpty(),
                at.at("targetGroupPolicies"));
        requireAsked(ExtraQuestion.SELF_ASSESSMENT_GRADES, extras.grades() != null, at.at("grades"));
        requireAsked(ExtraQuestion.COOPERATION_IMPROVED,
                extras.cooperationImproved() != null || extras.cooperationExplanation() != null,
                at.at("cooperationImproved"));
        requireAsked(ExtraQuestion.YOUTH_INVOLVED,
                extras.youthInvolved() != null || extras.youthInvolvementHow() != null, at.at("youthInvolved"));
        requireAsked(ExtraQuestion.REGIONAL_VISION, extras.regionalVision() != null, at.at("regionalVision"));
        validateMultipleChoice(ExtraQuestion.RISK_GROUP_FIGURES, extras.riskGroupFigures(),
                at.at("riskGroupFigures"));
        validateMultipleChoice(ExtraQuestion.TARGET_GROUP_POLICY, extras.targetGroupPolicies(),
                at.at("targetGroupPolicies"));
        if (extras.grades() != null) {
            Problems gradesAt = at.at("grades");
            GradeScale scale = questionnaire.extraQuestion(ExtraQuestion.SELF_ASSESSMENT_GRADES)
                    .map(ExtraQuestion::scale).orElse(null);
            validateGrade(extras.grades().past(), scale, gradesAt.at("past"));
            validateGrade(extras.grades().current(), scale, gradesAt.at("current"));
            validateGrade(extras.grades().expected(), scale, gradesAt.at("expected"));
        }
        validateSingleChoice(ExtraQuestion.COOPERATION_IMPROVED, extras.cooperationImproved(),
                at.at("cooperationImproved"));
        checkLength(extras.cooperationExplanation(), at.at("cooperationExplanation"));
        checkLength(extras.youthInvolvementHow(), at.at("youthInvolvementHow"));
        if (!Boolean.TRUE.equals(extras.youthInvolved()) && !isBlank(extras.youthInvolvementHow())) {
            at.at("youthInvolvementHow").add(ViolationCode.TEXT_WITHOUT_YES,
                    "how youth is involved is only asked when youthInvolved is true");
        }
        validateSingleChoice(ExtraQuestion.REGIONAL_VISION, extras.regionalVision(), at.at("regionalVision"));
    }

    /** An extra question this questionnaire version does not ask may not be answered. */
    private void requireAsked(String questionId, boolean answered, Problems at) {
        if (answered && questionnaire.extraQuestion(questionId).isEmpty()) {
            at.add(ViolationCode.UNKNOWN_QUESTION, "questionnaire v" + questionnaire.version()
                    + " does not ask the extra question " + questionId);
        }
    }

    private void validateMultipleChoice(String questionId, List<String> chosen, Problems at) {
        Optional<ExtraQuestion> asked = questionnaire.extraQuestion(questionId);
        if (asked.isEmpty()) {
            return;
        }
        ExtraQuestion question = asked.get();
        Set<String> seen = new HashSet<>();
        boolean exclusiveChosen = false;
        for (int i = 0; i < chosen.size(); i++) {
            String id = chosen.get(i);
            Optional<ChoiceOption> option = question.option(id);
            if (option.isEmpty()) {
                at.at("[" + i + "]").add(ViolationCode.UNKNOWN_OPTION,
                        "question " + questionId + " has no option " + quoted(id));
                continue;
            }
            if (!seen.add(id)) {
                at.at("[" + i + "]").add(ViolationCode.DUPLICATE, "option " + id + " is chosen more than once");
            }
            exclusiveChosen |= option.get().exclusive();
        }
        if (exclusiveChosen && seen.size() > 1) {
            at.add(ViolationCode.EXCLUSIVE_OPTION_COMBINED, "the 'Nee' option cannot be combined with another");
        }
    }

    private void validateSingleChoice(String questionId, String chosen, Problems at) {
        Optional<ExtraQuestion> asked = questionnaire.extraQuestion(questionId);
        if (chosen != null && asked.isPresent() && asked.get().option(chosen).isEmpty()) {
            at.add(ViolationCode.UNKNOWN_OPTION, "question " + questionId + " has no option " + quoted(chosen));
        }
    }

    /** A grade on the questionnaire's scale (none when the questionnaire does not ask grades: refused above). */
    private static void validateGrade(Integer grade, GradeScale scale, Problems at) {
        if (grade != null && scale != null && !scale.contains(grade)) {
            at.add(ViolationCode.OUT_OF_RANGE,
                    "a report grade is from " + scale.lowest() + " to " + scale.highest() + ", was " + grade);
        }
    }

    private static void checkLength(String text, Problems at) {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            at.add(ViolationCode.TOO_LONG, "at most " + MAX_TEXT_LENGTH + " characters, was " + text.length());
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    /** Collects violations under a path prefix; {@code at("x")} descends one step. */
    private static final class Problems {
        private final List<Violation> violations;
        private final String path;

        Problems() {
            this(new ArrayList<>(), "");
        }

        private Problems(List<Violation> violations, String path) {
            this.violations = violations;
            this.path = path;
        }

        Problems at(String step) {
            if (path.isEmpty()) {
                return new Problems(violations, step);
            }
            return new Problems(violations, step.startsWith("[") ? path + step : path + "." + step);
        }

        void add(String code, String message) {
            violations.add(new Violation(path, code, message));
        }

        /** A problem about a measure category that the path cannot name (it was not answered). */
        void addAbout(String category, String code, String message) {
            violations.add(new Violation(path, code, message, category));
        }

        void add(String step, String code, String message) {
            at(step).add(code, message);
        }

        List<Violation> list() {
            return List.copyOf(violations);
        }
    }
}
