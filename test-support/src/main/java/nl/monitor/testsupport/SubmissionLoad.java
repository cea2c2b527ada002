package nl.monitor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Offers submissions to the survey-service over many connections at once, as respondents' clients do, and records
 * per request what came back and how long it took. A request the server never answered (it was down, say) is not
 * accepted.
 */
public final class SubmissionLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One submission to offer: the body is the assessment as JSON. */
    public record Offer(String municipality, int year, String body) {
    }

    /** What came back: the HTTP status (-1 when nothing came back), the submission id and version when accepted. */
    public record Result(Offer offer, int status, String submissionId, int version, long nanos, String error) {
        public boolean accepted() {
            return status == 201;
        }
    }

    private final HttpClient http;
    private final String url;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public SubmissionLoad(String surveyServiceUrl) {
        this.url = surveyServiceUrl + "/api/submissions";
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Offers every submission, {@code connections} at a time; returns the results in the order of the offers. */
    public List<Result> offer(List<Offer> offers, int connections) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Result>> futures = new ArrayList<>(offers.size());
            for (Offer offer : offers) {
                futures.add(pool.submit(() -> post(offer)));
            }
            List<Result> results = new ArrayList<>(offers.size());
            for (Future<Result> future : futures) {
                try {
                    results.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private Result post(Offer offer) {
        String token = tokens.computeIfAbsent(offer.municipality(), TestTokens::respondent);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(offer.body())).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            if (response.statusCode() != 201) {
                return new Result(offer, response.statusCode(), null, 0, nanos, response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return new Result(offer, 201, body.path("id").asText(), body.path("version").asInt(), nanos, null);
        } catch (IOException e) {
            return new Result(offer, -1, null, 0, System.nanoTime() - start, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(offer, -1, null, 0, System.nanoTime() - start, "interrupted");
        }
    }

    /** The given percentile (0-100) of the latencies of the results, in milliseconds. */
    public static double percentileMillis(List<Result> results, double percentile) {
        long[] nanos = results.stream().mapToLong(Result::nanos).sorted().toArray();
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
    }
}
