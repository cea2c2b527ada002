package nl.monitor.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.domain.assessment.Violation;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), with the fields that failed.
 *
 * @param errors one entry per invalid field, each naming its path in the request body or parameters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://monitor.nl/problems/";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, errors);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    /**
     * One invalid field.
     *
     * @param field    the path, e.g. {@code goals[3].inhoud.categories[2].options[0].option}
     * @param code     a stable reason, e.g. {@code unknown-option}
     * @param category the measure category it is about when the path cannot name it ({@code category-missing});
     *                 left out otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String code, String message, String category) {

        public FieldError(String field, String code, String message) {
            this(field, code, message, null);
        }

        /** A domain violation at {@code prefix + path} (e.g. {@code rows[4].}). */
        public static FieldError of(String prefix, Violation violation) {
            return new FieldError(prefix + violation.path(), violation.code(), violation.message(),
                    violation.category());
        }
    }
}
