package nl.monitor.rest;

import nl.monitor.domain.assessment.Violation;

import java.util.List;

/** Well-formed input that breaks the rules: answered 422 with a problem document listing every invalid field. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInputException(String message, List<Problem.FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String code, String message) {
        return new InvalidInputException(message, List.of(new Problem.FieldError(field, code, message)));
    }

    /** The domain's validation result, with each violation's path prefixed (e.g. {@code ""} or {@code "rows[4]."}). */
    public static InvalidInputException fromViolations(String message, String pathPrefix, List<Violation> violations) {
        return new InvalidInputException(message, violations.stream()
                .map(v -> Problem.FieldError.of(pathPrefix, v)).toList());
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
