package nl.monitor.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.monitor.demo.DemoCohorts;
import nl.monitor.demo.DemoIndicators;
import nl.monitor.domain.assessment.Assessment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the demo cohorts (2014 and 2017, {@link DemoCohorts}) through the survey-service's bulk import, then waits
 * until the platform has digested them: the reporting-service counts every imported municipality, and no consumer
 * group lags behind its topic.
 */
final class DemoLoad {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Map<String, String> GROUP_OF_TOPIC = Map.of(
            "survey-submitted", "scoring-service",
            "score-computed", "reporting-service",
            "threshold-crossed", "notification-service");

    private final ObjectMapper json;
    private final HttpClient http;
    private final String bootstrapServers;
    private final DemoTokens tokens;

    DemoLoad(ObjectMapper json, HttpClient http, String bootstrapServers, DemoTokens tokens) {
        this.json = json;
        this.http = http;
        this.bootstrapServers = bootstrapServers;
        this.tokens = tokens;
    }

    /** Imports every demo wave; returns the municipalities accepted per year. */
    Map<Integer, Integer> importWaves(String surveyUrl) throws IOException, InterruptedException {
        Map<Integer, Integer> accepted = new LinkedHashMap<>();
        DemoCohorts cohorts = DemoCohorts.standard();
        for (int year : DemoCohorts.YEARS) {
            List<Assessment> wave = cohorts.wave(year);
            String body = json.writeValueAsString(Map.of("year", year, "rows", wave));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(surveyUrl + "/api/imports"))
                    .header("Authorization", "Bearer " + tokens.importer())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo-wave-" + year + "-seed-" + DemoCohorts.SEED)
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode result = json.readTree(response.body());
            if (response.statusCode() != 200 || result.path("rejected").asInt() != 0) {
                throw new IllegalStateException("The demo wave " + year + " did not import cleanly: "
                        + response.statusCode() + " " + response.body());
            }
            accepted.put(year, result.path("accepted").asInt() + result.path("alreadyImported").asInt());
        }
        return accepted;
    }

    /**
     * Imports the synthetic indicator figures ({@link DemoIndicators}) through the survey-service's table import, as a
     * region's data manager would; returns how many figures the table holds.
     */
    int importIndicators(String surveyUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(surveyUrl + "/api/indicator-figures/import"))
                .header("Authorization", "Bearer " + tokens.importer())
                .header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(DemoIndicators.csv())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The demo indicator figures did not import cleanly: "
                    + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("figures").asInt();
    }

    /** Waits until the reporting-service counts the imported municipalities and no consumer group lags. */
    void awaitDigested(String reportingUrl, Map<Integer, Integer> imported) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (!(reported(reportingUrl, imported) && nothingLags(admin))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The platform did not digest the demo waves within " + DEADLINE);
                }
                Thread.sleep(500); // polling interval of a wait with a deadline
            }
        }
    }

    private boolean reported(String reportingUrl, Map<Integer, Integer> imported) throws IOException,
            InterruptedException {
        for (Map.Entry<Integer, Integer> wave : imported.entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(reportingUrl
                            + "/api/reports/participation?year=" + wave.getKey()))
                    .header("Authorization", "Bearer " + tokens.analyst()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            long participated = 0;
            for (JsonNode row : json.readTree(response.body()).path("sizeClasses")) {
                if (row.path("sizeClass").isNull()) {
                    participated = row.path("years").path(0).path("participated").asLong();
                }
            }
            if (participated < wave.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static boolean nothingLags(Admin admin) throws ExecutionException, InterruptedException {
        for (Map.Entry<String, String> entry : GROUP_OF_TOPIC.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(entry.getValue()).partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(List.of(entry.getKey())).allTopicNames().get()
                    .get(entry.getKey()).partitions().stream()
                    .map(p -> new TopicPartition(entry.getKey(), p.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                if (ends.get(partition) > (at == null ? 0 : at.offset())) {
                    return false;
                }
            }
        }
        return true;
    }
}
