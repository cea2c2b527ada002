package nl.monitor.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Deprecation}, {@code Sunset} and {@code Link} headers on every answer of an operation marked
 * {@link ApiDeprecation} (on the method, or on its resource class), errors included. Shared by the four services.
 */
public class ApiDeprecations {

    /** The least time between deprecating an operation and its sunset (api/README.md). */
    public static final Period MINIMUM_NOTICE = Period.ofMonths(6);
    /** IMF-fixdate (RFC 9110), the HTTP-date of {@code Sunset}. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH);

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            headers(method).forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    /**
     * The headers of the operation's answers: none when it is not deprecated.
     *
     * @throws IllegalStateException when it is marked {@link ApiDeprecation} without {@link Deprecated} (the document
     *                               would not say so), with a date that is no ISO date, or with less notice than
     *                               {@link #MINIMUM_NOTICE}
     */
    public static Map<String, String> headers(Method method) {
        ApiDeprecation deprecation = method.getAnnotation(ApiDeprecation.class);
        if (deprecation == null) {
            deprecation = method.getDeclaringClass().getAnnotation(ApiDeprecation.class);
        }
        if (deprecation == null) {
            return Map.of();
        }
        String operation = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (!method.isAnnotationPresent(Deprecated.class)
                && !method.getDeclaringClass().isAnnotationPresent(Deprecated.class)) {
            throw new IllegalStateException(operation + " is @ApiDeprecation but not @Deprecated: its OpenAPI "
                    + "operation would not say deprecated: true");
        }
        LocalDate since = date(operation, "since", deprecation.since());
        LocalDate sunset = date(operation, "sunset", deprecation.sunset());
        if (sunset.isBefore(since.plus(MINIMUM_NOTICE))) {
            throw new IllegalStateException(operation + ": the sunset " + sunset + " is less than "
                    + MINIMUM_NOTICE.toTotalMonths() + " months after the deprecation " + since);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Deprecation", "@" + since.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        headers.put("Sunset", HTTP_DATE.format(sunset.atStartOfDay(ZoneOffset.UTC)));
        if (!deprecation.link().isBlank()) {
            headers.put("Link", "<" + deprecation.link() + ">; rel=\"deprecation\"; type=\"text/html\"");
        }
        return headers;
    }

    private static LocalDate date(String operation, String what, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(operation + ": @ApiDeprecation " + what + " is no ISO date: " + value, e);
        }
    }
}
