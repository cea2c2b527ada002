package nl.monitor.domain.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with an assessment.
 *
 * @param path     where, in the submitted structure: {@code goals[3].inhoud.categories[2].options[0]}
 * @param code     a stable machine-readable reason, e.g. {@code unknown-option}
 * @param message  why, in English, for the developer of the client
 * @param category the measure category the problem is about when the path cannot name it (a category that is not
 *                 answered, {@code category-missing}, has no index in the submitted structure); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String path, String code, String message, String category) {

    public Violation(String path, String code, String message) {
        this(path, code, message, null);
    }

    @Override
    public String toString() {
        return path + ": " + message + " (" + code + ")";
    }
}
