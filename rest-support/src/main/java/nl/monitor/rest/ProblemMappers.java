package nl.monitor.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns every error a service raises into an RFC 9457 problem document. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(Problem.of("invalid-input", "The request is invalid", 422, e.getMessage(), e.errors()), uri);
    }

    /** A value of the wrong type; mapped on its own type, which Quarkus's built-in mapper would otherwise take. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, RoutingContext http) {
        return unreadableJson(e, uri, http);
    }

    /** Unreadable JSON, or a value of the wrong type: 400 naming the field Jackson stopped at. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, RoutingContext http) {
        Optional<BoundedBody.TooLargeException> tooLarge = BodyLimits.tooLargeCause(e);
        if (tooLarge.isPresent()) {
            return BodyLimits.answer(tooLarge.get(), uri, http);
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message = e.getOriginalMessage();
        return respond(Problem.of("malformed-body", "The request body cannot be read", 400,
                message, List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, "malformed", message))), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403,
                e.getMessage() == null ? "Your role or claims do not give access to this resource" : e.getMessage(),
                null), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, RoutingContext http) {
        // Quarkus's JSON reader answers 400 for what its input threw: a body over its limit among them.
        Optional<BoundedBody.TooLargeException> tooLarge = BodyLimits.tooLargeCause(e);
        if (tooLarge.isPresent()) {
            return BodyLimits.answer(tooLarge.get(), uri, http);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        Problem problem = Problem.of(title.toLowerCase().replace(' ', '-'), title, status, e.getMessage(), null);
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem.at(uri.getPath()));
        // When to come back (a 429 or 503), as the exception said.
        String retryAfter = e.getResponse().getHeaderString("Retry-After");
        return (retryAfter == null ? answer : answer.header("Retry-After", retryAfter)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri, RoutingContext http) {
        Optional<BoundedBody.TooLargeException> tooLarge = BodyLimits.tooLargeCause(e);
        if (tooLarge.isPresent()) {
            return BodyLimits.answer(tooLarge.get(), uri, http);
        }
        if (databaseUnreachable(e)) {
            LOG.warnf("The database is unreachable on %s: %s", uri.getPath(), e.getMessage());
            Problem problem = Problem.of("service-unavailable", "Service unavailable", 503,
                    "The database cannot be reached right now; nothing was stored. Try again in a few seconds.", null);
            return Response.status(503).header("Retry-After", "5").type(Problem.MEDIA_TYPE)
                    .entity(problem.at(uri.getPath())).build();
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(Problem.of("internal-error", "Internal server error", 500,
                "The error is logged; nothing was half-stored", null), uri);
    }

    /** A connection fault (SQLState class 08, an admin shutdown, the pool's wait for a connection): transient. */
    static boolean databaseUnreachable(Throwable e) {
        return databaseUnreachable(e, 0);
    }

    /** Looks through causes and suppressed exceptions (a failed commit carries the driver's error as suppressed). */
    private static boolean databaseUnreachable(Throwable e, int depth) {
        if (e == null || depth > 12) {
            return false;
        }
        if (e instanceof java.sql.SQLTransientConnectionException) {
            return true;
        }
        if (e instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01"))
                || String.valueOf(sql.getMessage()).contains("cquisition timeout"))) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (databaseUnreachable(suppressed, depth + 1)) {
                return true;
            }
        }
        return e.getCause() != e && databaseUnreachable(e.getCause(), depth + 1);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
                        : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(uri.getPath())).build();
    }
}
