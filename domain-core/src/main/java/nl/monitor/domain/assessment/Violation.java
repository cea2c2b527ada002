package nl.monitor.domain.assessment;

/**
 * One problem with an assessment.
 *
 * @param path    where, in the submitted structure: {@code goals[3].inhoud.categories[2].options[0]}
 * @param code    a stable machine-readable reason, e.g. {@code unknown-option}
 * @param message why, in English, for the developer of the client
 */
public record Violation(String path, String code, String message) {

    @Override
    public String toString() {
        return path + ": " + message + " (" + code + ")";
    }
}
