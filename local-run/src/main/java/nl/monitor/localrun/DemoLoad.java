package nl.monitor.localrun;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.monitor.client.reporting.api.ReportsApi;
import nl.monitor.client.reporting.model.ParticipationReport;
import nl.monitor.client.reporting.model.SizeClassRow;
import nl.monitor.client.survey.ApiClient;
import nl.monitor.client.survey.ApiException;
import nl.monitor.client.survey.api.ImportsApi;
import nl.monitor.client.survey.api.IndicatorsApi;
import nl.monitor.client.survey.api.PlansApi;
import nl.monitor.client.survey.model.ImportRequest;
import nl.monitor.client.survey.model.ImportResult;
import nl.monitor.client.survey.model.Imported;
import nl.monitor.client.survey.model.PlanRequest;
import nl.monitor.client.scoring.api.IndicatorThresholdsApi;
import nl.monitor.client.scoring.model.IndicatorThresholdRequest;
import nl.monitor.demo.DemoCohorts;
import nl.monitor.demo.DemoIndicators;
import nl.monitor.demo.DemoPlans;
import nl.monitor.domain.assessment.Assessment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the demo cohorts (2014 and 2017, {@link DemoCohorts}) through the survey-service's bulk import, called with
 * the generated client of {@code api-client} (as a researcher's bulk loader would), then waits
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
    private final String bootstrapServers;
    private final DemoTokens tokens;

    DemoLoad(ObjectMapper json, String bootstrapServers, DemoTokens tokens) {
        this.json = json;
        this.bootstrapServers = bootstrapServers;
        this.tokens = tokens;
    }

    /** The survey-service's generated client (api-client), as the given caller. */
    static ApiClient survey(String surveyUrl, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(surveyUrl);
        client.setReadTimeout(Duration.ofMinutes(2));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** Imports every demo wave through the generated client; returns the municipalities accepted per year. */
    Map<Integer, Integer> importWaves(String surveyUrl) throws IOException, ApiException {
        Map<Integer, Integer> accepted = new LinkedHashMap<>();
        DemoCohorts cohorts = DemoCohorts.standard();
        ApiClient client = survey(surveyUrl, tokens.importer());
        ImportsApi imports = new ImportsApi(client);
        for (int year : DemoCohorts.YEARS) {
            List<Assessment> wave = cohorts.wave(year);
            // The domain's assessments as the document's ImportRequest: a field the document lacks fails here.
            ImportRequest request = client.getObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(json.writeValueAsString(Map.of("year", year, "rows", wave)), ImportRequest.class);
            ImportResult result = imports.importWave(request, "demo-wave-" + year + "-seed-" + DemoCohorts.SEED);
            if (result.getRejected() != 0) {
                throw new IllegalStateException("The demo wave " + year + " did not import cleanly: " + result);
            }
            accepted.put(year, result.getAccepted() + result.getAlreadyImported());
        }
        return accepted;
    }

    /**
     * Imports the synthetic indicator figures ({@link DemoIndicators}) through the survey-service's table import, as a
     * region's data manager would; returns how many figures the table holds.
     */
    int importIndicators(String surveyUrl) throws ApiException {
        Imported imported = new IndicatorsApi(survey(surveyUrl, tokens.importer()))
                .importIndicatorFigures(DemoIndicators.csv());
        return imported.getFigures();
    }

    /**
     * Saves the synthetic municipal plans ({@link DemoPlans}) through the survey-service's plan API, as an admin, each
     * on the version it has (a plan equal to the stored one stores nothing, so a second start changes nothing);
     * returns how many plans there are.
     */
    int savePlans(String surveyUrl) throws IOException, ApiException {
        ApiClient client = survey(surveyUrl, tokens.admin());
        PlansApi plans = new PlansApi(client);
        for (DemoPlans.DemoPlan demo : DemoPlans.all()) {
            int version = plans.getMunicipalPlan(demo.municipality()).getVersion();
            // The domain's plan as the document's PlanRequest: a field the document lacks fails here.
            PlanRequest request = client.getObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(json.writeValueAsString(demo.plan()), PlanRequest.class).version(version);
            plans.saveMunicipalPlan(demo.municipality(), request);
        }
        return DemoPlans.all().size();
    }

    /**
     * Gives the Groningen coordinator the sample indicator threshold ({@link DemoIndicators#THRESHOLD}) through the
     * scoring-service, before the figures are imported (a threshold watches the figures recorded after it), so the
     * "Meldingen" page shows its crossings; a second start finds it there (409) and leaves it.
     */
    void createThreshold(String scoringUrl) throws nl.monitor.client.scoring.ApiException {
        nl.monitor.client.scoring.ApiClient client = new nl.monitor.client.scoring.ApiClient();
        client.updateBaseUri(scoringUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.coordinator()));
        DemoIndicators.Threshold t = DemoIndicators.THRESHOLD;
        try {
            new IndicatorThresholdsApi(client).createIndicatorThreshold(new IndicatorThresholdRequest()
                    .region(t.region()).indicator(t.indicator()).value(t.value())
                    .alertWhen(IndicatorThresholdRequest.AlertWhenEnum.fromValue(t.alertWhen()))
                    .margin(t.margin()).description(t.description()));
        } catch (nl.monitor.client.scoring.ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    /** Waits until the reporting-service counts the imported municipalities and no consumer group lags. */
    void awaitDigested(String reportingUrl, Map<Integer, Integer> imported) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        nl.monitor.client.reporting.ApiClient client = new nl.monitor.client.reporting.ApiClient();
        client.updateBaseUri(reportingUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.analyst()));
        ReportsApi reports = new ReportsApi(client);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (!(reported(reports, imported) && nothingLags(admin))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The platform did not digest the demo waves within " + DEADLINE);
                }
                Thread.sleep(500); // polling interval of a wait with a deadline
            }
        }
    }

    private static boolean reported(ReportsApi reports, Map<Integer, Integer> imported) {
        for (Map.Entry<Integer, Integer> wave : imported.entrySet()) {
            ParticipationReport participation;
            try {
                participation = reports.getParticipationReport(null, null, null, String.valueOf(wave.getKey()));
            } catch (nl.monitor.client.reporting.ApiException e) {
                return false;
            }
            long participated = 0;
            for (SizeClassRow row : participation.getSizeClasses()) {
                if (row.getSizeClass() == null) {
                    participated = row.getYears().get(0).getParticipated();
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
