package nl.monitor.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation (a resource method, or every method of a resource class) that clients should stop using: its answers
 * carry {@code Deprecation: @<unix seconds>} (RFC 9745, since when), {@code Sunset: <HTTP-date>} (RFC 8594, from when
 * it may be gone) and, when {@link #link()} is given, {@code Link: <link>; rel="deprecation"} ({@link ApiDeprecations}
 * adds them). The method must also carry {@link Deprecated}, which marks the operation {@code deprecated: true} in the
 * OpenAPI document, and the sunset must be at least {@link ApiDeprecations#MINIMUM_NOTICE} after the deprecation
 * (api/README.md: versioning and deprecation); {@link ApiDeprecations} refuses to answer otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiDeprecation {

    /** Since when it is deprecated: an ISO date ({@code 2027-01-01}), midnight UTC. */
    String since();

    /** From when it may be gone: an ISO date, midnight UTC, at least six months after {@link #since()}. */
    String sunset();

    /** Where clients read what replaces it (an absolute URL); none when empty. */
    String link() default "";
}
