package nl.monitor.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A larger request body limit for one endpoint (a bulk import) than the {@code api.max-body-size} every other
 * endpoint has. It cannot exceed {@code quarkus.http.limits.max-body-size}, the server's ceiling.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    /** The limit in bytes. */
    long bytes();
}
