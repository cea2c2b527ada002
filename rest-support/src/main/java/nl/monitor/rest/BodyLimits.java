package nl.monitor.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a request body over its endpoint's limit with 413 and a problem document naming the body, before anything
 * is stored: {@code api.max-body-size} (256 KB, far above the largest valid assessment) unless the endpoint says
 * otherwise with {@link BodyLimit}. A body with a {@code Content-Length} over the limit is refused before a byte of it
 * is read; a body without one (chunked) is counted as it is read, and reading stops at the first byte over the limit
 * ({@link BoundedBody}): the endpoint never sees it, the rest is not read (the connection is closed after the answer),
 * so memory stays flat whatever the client sends. {@code quarkus.http.limits.max-body-size} stays the server's
 * ceiling for every request (Quarkus answers a chunked body over it with a bare 413 and closes the connection).
 */
public class BodyLimits {

    private final long defaultLimit;

    public BodyLimits(@ConfigProperty(name = "api.max-body-size", defaultValue = "256K") MemorySize limit) {
        this.defaultLimit = limit.asLongValue();
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, SimpleResourceInfo resource, UriInfo uri) {
        long limit = limitOf(resource);
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            boundUnknownLength(request, limit);
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (bytes <= limit) {
            return Optional.empty();
        }
        return Optional.of(tooLarge("the request body has " + bytes + " bytes; this endpoint takes at most " + limit,
                uri).build());
    }

    /**
     * A body without a length, read through a counting stream. Only where the endpoint reads its body on a worker
     * thread (every blocking endpoint: the filters run there too); an endpoint on the event loop buffers its body in
     * Quarkus, up to the server's ceiling.
     */
    private static void boundUnknownLength(ContainerRequestContext request, long limit) {
        String method = request.getMethod();
        boolean mayHaveBody = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        if (!mayHaveBody || Context.isOnEventLoopThread()) {
            return;
        }
        request.setEntityStream(new BoundedBody(request.getEntityStream(), limit));
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BoundedBody.TooLargeException e, UriInfo uri, RoutingContext http) {
        return answer(e, uri, http);
    }

    /** The body went past its limit inside the JSON reader, which wraps what its input throws. */
    static Optional<BoundedBody.TooLargeException> tooLargeCause(Throwable e) {
        for (Throwable link = e; link != null && link.getCause() != link; link = link.getCause()) {
            if (link instanceof BoundedBody.TooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    static Response answer(BoundedBody.TooLargeException e, UriInfo uri, RoutingContext http) {
        // The rest of the body is not read: the connection is closed once the answer is out, which discards it.
        http.addEndHandler(ended -> http.request().connection().close());
        return tooLarge("the request body has more than " + e.limit() + " bytes; this endpoint takes at most "
                + e.limit(), uri).header("Connection", "close").build();
    }

    private static Response.ResponseBuilder tooLarge(String message, UriInfo uri) {
        Problem problem = Problem.of("payload-too-large", "Request body too large", 413, message,
                List.of(new Problem.FieldError("body", "too-large", message))).at(uri.getPath());
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem);
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
