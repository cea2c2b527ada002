package nl.monitor.rest;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a request body over its endpoint's limit with 413 and a problem document naming the body, before anything
 * is read or stored: {@code api.max-body-size} (256 KB, far above the largest valid assessment) unless the
 * endpoint says otherwise with {@link BodyLimit}. A body without a length (chunked) is bounded by the server's
 * ceiling, {@code quarkus.http.limits.max-body-size}.
 */
public class BodyLimits {

    private final long defaultLimit;

    public BodyLimits(@ConfigProperty(name = "api.max-body-size", defaultValue = "256K") MemorySize limit) {
        this.defaultLimit = limit.asLongValue();
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, SimpleResourceInfo resource, UriInfo uri) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long limit = limitOf(resource);
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (bytes <= limit) {
            return Optional.empty();
        }
        String message = "the request body has " + bytes + " bytes; this endpoint takes at most " + limit;
        Problem problem = Problem.of("payload-too-large", "Request body too large", 413, message,
                List.of(new Problem.FieldError("body", "too-large", message))).at(uri.getPath());
        return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    private long limitOf(SimpleResourceInfo resource) {
        try {
            Method method = resource.getResourceClass().getMethod(resource.getMethodName(),
                    resource.parameterTypes());
            BodyLimit limit = method.getAnnotation(BodyLimit.class);
            if (limit == null) {
                limit = resource.getResourceClass().getAnnotation(BodyLimit.class);
            }
            return limit == null ? defaultLimit : limit.bytes();
        } catch (NoSuchMethodException e) {
            return defaultLimit;
        }
    }
}
