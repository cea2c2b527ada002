package nl.monitor.e2e;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import nl.monitor.client.notification.api.SubscriptionsApi;
import nl.monitor.client.notification.model.Channel;
import nl.monitor.client.notification.model.SubscriptionRequest;
import nl.monitor.client.notification.model.SubscriptionView;
import nl.monitor.client.reporting.api.MunicipalityScoresApi;
import nl.monitor.client.reporting.model.MunicipalityScoreView;
import nl.monitor.client.survey.api.SubmissionsApi;
import nl.monitor.client.survey.model.SubmissionRequest;
import nl.monitor.client.survey.model.SubmissionView;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The platform's services as a REST client of the platform calls them: through the generated client of
 * {@code api-client}, built from the committed OpenAPI documents. Its object mapper here is strict: a response with a
 * field its document does not describe fails the call, so a document that lies fails these tests (the generated
 * default ignores unknown fields). A {@code null} token sends no {@code Authorization} header.
 */
final class Clients {

    private Clients() {
    }

    static nl.monitor.client.survey.ApiClient survey(Platform platform, String token) {
        var client = new nl.monitor.client.survey.ApiClient();
        configure(client::setObjectMapper, client::updateBaseUri, client::setRequestInterceptor,
                nl.monitor.client.survey.ApiClient.createDefaultObjectMapper(), platform.url("survey-service"), token);
        return client;
    }

    static nl.monitor.client.scoring.ApiClient scoring(Platform platform, String token) {
        var client = new nl.monitor.client.scoring.ApiClient();
        configure(client::setObjectMapper, client::updateBaseUri, client::setRequestInterceptor,
                nl.monitor.client.scoring.ApiClient.createDefaultObjectMapper(), platform.url("scoring-service"), token);
        return client;
    }

    static nl.monitor.client.reporting.ApiClient reporting(Platform platform, String token) {
        var client = new nl.monitor.client.reporting.ApiClient();
        configure(client::setObjectMapper, client::updateBaseUri, client::setRequestInterceptor,
                nl.monitor.client.reporting.ApiClient.createDefaultObjectMapper(), platform.url("reporting-service"),
                token);
        return client;
    }

    static nl.monitor.client.notification.ApiClient notification(Platform platform, String token) {
        var client = new nl.monitor.client.notification.ApiClient();
        configure(client::setObjectMapper, client::updateBaseUri, client::setRequestInterceptor,
                nl.monitor.client.notification.ApiClient.createDefaultObjectMapper(),
                platform.url("notification-service"), token);
        return client;
    }

    /**
     * What every generated client gets here, whichever service's package it was generated in (the four
     * {@code ApiClient} classes share no type): the strict mapper, the service's base URI and the bearer token.
     */
    private static void configure(Consumer<ObjectMapper> mapper, Consumer<String> baseUri,
                                  Consumer<Consumer<HttpRequest.Builder>> interceptor, ObjectMapper defaults,
                                  String url, String token) {
        mapper.accept(strict(defaults));
        baseUri.accept(url);
        interceptor.accept(bearer(token));
    }

    /** Subscribes a region's coordinator to webhook calls at {@code url}, signed with {@code secret}. */
    static SubscriptionView subscribeWebhook(Platform platform, String region, String url, String secret,
                                             String description) throws Exception {
        return new SubscriptionsApi(notification(platform, TestTokens.coordinator(region))).createSubscription(
                new SubscriptionRequest().region(region).channel(Channel.WEBHOOK).url(url).secret(secret)
                        .description(description));
    }

    /** Submits an assessment given as JSON (read strictly as the document's SubmissionRequest), with no key. */
    static SubmissionView submit(Platform platform, String token, String assessment) throws Exception {
        return submit(platform, token, assessment, Map.of());
    }

    /** Submits an assessment given as JSON, with extra headers (e.g. {@code traceparent}). */
    static SubmissionView submit(Platform platform, String token, String assessment, Map<String, String> headers)
            throws Exception {
        return new SubmissionsApi(survey(platform, token)).submitAssessment(read(assessment, SubmissionRequest.class),
                null, headers);
    }

    /** Waits until the reporting-service shows a score of the municipality for the year (an analyst asks). */
    static MunicipalityScoreView awaitReported(Platform platform, String municipality, int year, Duration deadline) {
        MunicipalityScoresApi scores = new MunicipalityScoresApi(reporting(platform, TestTokens.analyst()));
        return Awaitility.await("reporting-service shows a score of " + municipality + " for " + year)
                .atMost(deadline).pollInterval(Duration.ofMillis(250))
                .until(() -> orNull(() -> scores.getMunicipalityScore(municipality, year)), Objects::nonNull);
    }

    /** A model the client read, as JSON (nulls kept), for assertions by path. */
    static JsonNode tree(Object model) {
        return TREES.valueToTree(model);
    }

    /** A request model from JSON text, read as strictly as a response: every field must be in the document. */
    static <T> T read(String json, Class<T> type) {
        try {
            return STRICT.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("Not a " + type.getSimpleName() + " as the document describes it: " + json, e);
        }
    }

    /** A call through the generated client that is expected to fail. */
    interface Call {
        void run() throws Exception;
    }

    /** A call through the generated client that answers a value. */
    interface Get<T> {
        T get() throws Exception;
    }

    /** What the call answers, or null when it answered an HTTP error (e.g. a 404 before a score is there). */
    static <T> T orNull(Get<T> call) throws Exception {
        try {
            return call.get();
        } catch (nl.monitor.client.survey.ApiException | nl.monitor.client.scoring.ApiException
                 | nl.monitor.client.reporting.ApiException | nl.monitor.client.notification.ApiException e) {
            return null;
        }
    }

    /** The HTTP status a call through any of the generated clients answered (2xx when it did not throw). */
    static int status(Call call) throws Exception {
        try {
            call.run();
            return 200;
        } catch (nl.monitor.client.survey.ApiException e) {
            return e.getCode();
        } catch (nl.monitor.client.scoring.ApiException e) {
            return e.getCode();
        } catch (nl.monitor.client.reporting.ApiException e) {
            return e.getCode();
        } catch (nl.monitor.client.notification.ApiException e) {
            return e.getCode();
        }
    }

    private static final ObjectMapper STRICT = strict(nl.monitor.client.survey.ApiClient.createDefaultObjectMapper());
    private static final ObjectMapper TREES = nl.monitor.client.reporting.ApiClient.createDefaultObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        };
    }
}
