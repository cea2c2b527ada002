package nl.monitor.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.monitor.client.survey.ApiClient;
import nl.monitor.client.survey.ApiException;
import nl.monitor.client.survey.JSON;
import nl.monitor.client.survey.api.SubmissionsApi;
import nl.monitor.client.survey.model.GoalAnswer;
import nl.monitor.client.survey.model.Problem;
import nl.monitor.client.survey.model.SubmissionRequest;
import nl.monitor.client.survey.model.SubmissionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The generated survey-service client does what the README shows, against a stub on loopback that answers as the
 * service's document says: it sends the body, the bearer token and the Idempotency-Key, reads the 201's
 * SubmissionView, and a 422's problem document with its field errors. (That the documents are the live ones is
 * each service's OpenApiDocumentTest.)
 */
class GeneratedClientTest {

    private HttpServer stub;
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/api/submissions", this::submissions);
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private void submissions(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.put("body", body);
        seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        seen.put("idempotency-key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        boolean invalid = body.contains("\"GM9999\"");
        String answer = invalid
                ? """
                  {"type":"https://monitor.nl/problems/invalid-input","title":"The request is invalid","status":422,
                   "detail":"The assessment has 1 problem(s)","instance":"/api/submissions",
                   "errors":[{"field":"municipality","code":"unknown-municipality","message":"no municipality GM9999"}]}"""
                : """
                  {"id":"6f1c1f43-52b4-4c55-9d0a-4a0c4d6b8f10","municipality":"GM0014","year":2017,"version":1,
                   "current":true,"questionnaireVersion":1,"submittedAt":"2017-10-01T09:00:00Z",
                   "submittedBy":"respondent-gm0014","goals":[]}""";
        exchange.getResponseHeaders().add("Content-Type", invalid ? "application/problem+json" : "application/json");
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(invalid ? 422 : 201, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private SubmissionsApi submissions() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + stub.getAddress().getPort());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer a-token"));
        return new SubmissionsApi(client);
    }

    private static SubmissionRequest assessment(String municipality) {
        return new SubmissionRequest().municipality(municipality).year(2017)
                .goals(List.of(new GoalAnswer().goal(1)));
    }

    @Test
    void submitting_sends_the_token_and_the_idempotency_key_and_reads_the_stored_submission() throws ApiException {
        SubmissionView stored = submissions().submitAssessment(assessment("GM0014"), "gm0014-2017-1");

        assertThat(stored.getMunicipality()).isEqualTo("GM0014");
        assertThat(stored.getVersion()).isEqualTo(1);
        assertThat(stored.getCurrent()).isTrue();
        assertThat(seen).containsEntry("authorization", "Bearer a-token")
                .containsEntry("idempotency-key", "gm0014-2017-1");
        assertThat(seen.get("body")).contains("\"municipality\":\"GM0014\"").contains("\"year\":2017");
    }

    @Test
    void a_422_is_an_api_exception_whose_body_is_the_problem_document_naming_each_field() throws Exception {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> submissions().submitAssessment(assessment("GM9999"), null));

        assertThat(refused.getCode()).isEqualTo(422);
        Problem problem = JSON.getDefault().getMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getField()).isEqualTo("municipality");
            assertThat(error.getCode()).isEqualTo("unknown-municipality");
        });
        assertThat(seen).containsEntry("idempotency-key", "null");
    }
}
