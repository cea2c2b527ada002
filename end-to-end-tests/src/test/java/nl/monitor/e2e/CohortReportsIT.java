package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.monitor.client.reporting.ApiClient;
import nl.monitor.client.reporting.api.MunicipalityViewsApi;
import nl.monitor.client.reporting.api.ReportsApi;
import nl.monitor.client.survey.api.ImportsApi;
import nl.monitor.client.survey.model.ImportRequest;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small hand-made cohort goes in through the public API (the survey-service's bulk import), is scored and
 * reported by the packaged services, and every report is checked against values worked out by hand below. Then the
 * reporting read model is damaged and the reporting-service restarted with {@code reporting.rebuild.on-start}: the
 * same reports come back. The years 2040 and 2041 are this test's own.
 *
 * <pre>
 * Flevoland: Zeewolde GM0050 and Urk class 1, Noordoostpolder and Dronten class 2, Lelystad GM0995 class 3,
 * Almere GM0034 class 4 (6 invited).
 * 2041
 * P Almere    goal 1: Ja + document 25; 5 + 2 of 4 x 11.25 = 27.5; insight, > half 20          = 72.5  ORANGE
 *             goal 2: Ja + document 25; 5 + 3 of 3 x 15 = 50; insight, everyone 25             = 100   GREEN
 *             total 86.25 GREEN; grades past 5, current 7, expected 8
 * Q Zeewolde  goal 1: Nee 0, no measures, no insight = 0; goal 2: Ja 15; 5 + 1 of 3 = 20; everyone 25 = 60
 *             total 30 ORANGE; grades 3, 4, 6
 * R Lelystad  goal 1: voornemen 5, nothing else = 5 RED; total 5 RED; grades 6, 6, 7
 * 2040
 * P Almere    goal 1: Ja without document 15 = 15; total 15 RED; grades -, 5, -
 * </pre>
 */
class CohortReportsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String P = "GM0034";
    private static final String Q = "GM0050";
    private static final String R = "GM0995";
    /** A report as the generated client reads it. */
    private record Report(String name, Read read) {
    }

    private interface Read {
        Object from(ApiClient client) throws Exception;
    }

    private static final List<Report> REPORTS = List.of(
            new Report("goal-scores 2041 with 2040",
                    c -> new ReportsApi(c).getGoalScoresReport("2041", "2040", null, null, null)),
            new Report("measures 2041", c -> new ReportsApi(c).getMeasuresReport(null, null, null, null, "2041")),
            new Report("policy-inclusion 2041 with 2040",
                    c -> new ReportsApi(c).getPolicyInclusionReport("2040", null, null, null, "2041")),
            new Report("participation 2041 with 2040 in Flevoland",
                    c -> new ReportsApi(c).getParticipationReport("2040", null, "Flevoland", "2041")),
            new Report("distribution 2041 with 2040",
                    c -> new ReportsApi(c).getDistributionReport("2040", null, null, null, "2041")),
            new Report("extras 2041", c -> new ReportsApi(c).getExtrasReport(null, null, null, null, "2041")),
            new Report("card of " + P + " 2041",
                    c -> new MunicipalityViewsApi(c).getMunicipalityCard(P, null, null, "2041")),
            new Report("region view Flevoland 2041",
                    c -> new MunicipalityViewsApi(c).getRegionView("Flevoland", null, "2041")));

    private static Platform platform;

    @BeforeAll
    static void importTheCohort() throws Exception {
        platform = RunningPlatform.get();
        String goal1P = goal(1, "INCLUDED", true, "MORE_THAN_HALF",
                category("subsidy-conditions", "attention-officer"), category("chain-cooperation", "cooperation-agreements"));
        String goal2P = goal(2, "INCLUDED", true, "EVERYONE", category("information-projects", "mother-child-course"),
                category("municipal-campaign", "billboards"), category("municipal-information", "leaflet-veilig-thuis"));
        String goal1Q = goal(1, "NOT_INCLUDED", false, null);
        String goal2Q = goal(2, "INCLUDED", false, "EVERYONE", category("information-projects", "mother-child-course"));
        String goal1R = goal(1, "INTENDED", false, null);
        String goal1P2040 = goal(1, "INCLUDED", false, null);

        JsonNode wave2041 = importWave(2041, row(P, grades(5, 7, 8), goal1P, goal2P), row(Q, grades(3, 4, 6), goal1Q, goal2Q),
                row(R, grades(6, 6, 7), goal1R));
        assertThat(wave2041.path("accepted").asInt()).as(wave2041.toString()).isEqualTo(3);
        JsonNode wave2040 = importWave(2040, row(P, "{\"current\": 5}", goal1P2040));
        assertThat(wave2040.path("accepted").asInt()).as(wave2040.toString()).isEqualTo(1);

        // Scored and projected: both read models of the reporting-service count every municipality.
        Awaitility.await("the cohort in the reports").atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    JsonNode scores = report(REPORTS.get(0));
                    JsonNode measures = report(REPORTS.get(1));
                    return scores.at("/goals/0/years/1/n").asInt() == 3 && scores.at("/goals/0/years/0/n").asInt() == 1
                            && measures.at("/goals/0/respondents/0/n").asInt() == 3;
                });
    }

    /** The measure categories of goals 1 and 2 (Tabel 4.1 and 4.2); an answered goal answers each of them. */
    private static final Map<Integer, List<String>> CATEGORIES = Map.of(
            1, List.of("subsidy-conditions", "chain-cooperation", "programme-purchasing", "own-action"),
            2, List.of("information-projects", "municipal-campaign", "municipal-information"));

    private static String category(String category, String option) {
        return "{\"category\": \"" + category + "\", \"options\": [{\"option\": \"" + option + "\"}]}";
    }

    /** A goal; when it deploys measures, the categories not named are answered "(geen onderdeel van beleid)". */
    private static String goal(int goal, String inclusion, boolean laidDown, String share, String... chosen) {
        List<String> categories = new java.util.ArrayList<>(List.of(chosen));
        if (chosen.length > 0) {
            CATEGORIES.get(goal).stream().filter(c -> categories.stream().noneMatch(a -> a.contains("\"" + c + "\"")))
                    .forEach(c -> categories.add(category(c, "not-in-policy")));
        }
        return "{\"goal\": " + goal + ", \"borging\": {\"inclusion\": \"" + inclusion + "\", \"laidDown\": " + laidDown
                + ", \"documents\": " + (laidDown ? "[\"regional-vision\"]" : "[]") + "}, "
                + "\"inhoud\": {\"deploysMeasures\": " + (chosen.length > 0) + ", \"categories\": ["
                + String.join(", ", categories) + "]}, "
                + "\"bereik\": " + (share == null ? "{\"insight\": false}" : "{\"insight\": true, \"share\": \"" + share + "\"}")
                + "}";
    }

    private static String grades(int past, int current, int expected) {
        return "{\"past\": " + past + ", \"current\": " + current + ", \"expected\": " + expected + "}";
    }

    private static String row(String municipality, String grades, String... goals) {
        return "{\"municipality\": \"" + municipality + "\", \"questionnaireVersion\": 1, \"goals\": ["
                + String.join(", ", goals) + "], \"extras\": {\"grades\": " + grades + "}}";
    }

    private static JsonNode importWave(int year, String... rows) throws Exception {
        ImportRequest wave = Clients.read("{\"year\": " + year + ", \"rows\": [" + String.join(", ", rows) + "]}",
                ImportRequest.class);
        return Clients.tree(new ImportsApi(Clients.survey(platform, TestTokens.admin())).importWave(wave, null));
    }

    private static JsonNode report(Report report) throws Exception {
        return report(report, TestTokens.analyst());
    }

    /** The report as the client read it (strictly: every field in the document), as JSON for paths. */
    private static JsonNode report(Report report, String token) throws Exception {
        return Clients.tree(report.read().from(Clients.reporting(platform, token)));
    }

    /** The element of an array whose field has the value. */
    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " = " + value + " in " + array));
    }

    private static List<Integer> ints(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asInt()).toList();
    }

    @Test
    void goal_scores_per_goal_with_the_comparison_year() throws Exception {
        JsonNode goals = report(REPORTS.get(0)).path("goals");
        // Goal 1, 2041, n 3: totals 72.5 + 0 + 5 = 77.5 / 3 = 25.83 -> 25.8; borging 25 + 0 + 5 = 10;
        // inhoud 27.5 / 3 = 9.17 -> 9.2; bereik 20 / 3 = 6.67 -> 6.7. 2040, n 1: 15, 15, 0, 0.
        assertYear(goals.at("/0/years/1"), 2041, 3, 25.8, 10.0, 9.2, 6.7);
        assertYear(goals.at("/0/years/0"), 2040, 1, 15.0, 15.0, 0.0, 0.0);
        // Goal 2, 2041, n 2 (R did not answer it): 100 + 60 = 80; borging 25 + 15 = 20; inhoud 50 + 20 = 35; bereik 25.
        assertYear(goals.at("/1/years/1"), 2041, 2, 80.0, 20.0, 35.0, 25.0);
        assertThat(goals.at("/2/years/1/n").asInt()).isZero();
    }

    private static void assertYear(JsonNode year, int expectedYear, int n, double total, double borging, double inhoud,
                                   double bereik) {
        assertThat(year.path("year").asInt()).isEqualTo(expectedYear);
        assertThat(year.path("n").asInt()).isEqualTo(n);
        assertThat(year.path("meanTotal").asDouble()).isEqualTo(total);
        assertThat(year.path("meanBorging").asDouble()).isEqualTo(borging);
        assertThat(year.path("meanInhoud").asDouble()).isEqualTo(inhoud);
        assertThat(year.path("meanBereik").asDouble()).isEqualTo(bereik);
    }

    @Test
    void measures_per_option_as_n_and_percent_of_the_goals_respondents() throws Exception {
        JsonNode goals = report(REPORTS.get(1)).path("goals");
        // Goal 1: 3 respondents, attention-officer P = 1 of 3 = 33 %. Goal 2: 2 respondents (P, Q):
        // mother-child-course both = 100 %, billboards P = 50 %, regional-television none = 0 %.
        assertThat(goals.at("/0/respondents/0/n").asInt()).isEqualTo(3);
        assertOption(goals.get(0), "subsidy-conditions", "attention-officer", 1, 33);
        assertOption(goals.get(0), "chain-cooperation", "cooperation-agreements", 1, 33);
        assertOption(goals.get(1), "information-projects", "mother-child-course", 2, 100);
        assertOption(goals.get(1), "municipal-campaign", "billboards", 1, 50);
        assertOption(goals.get(1), "municipal-campaign", "regional-television", 0, 0);
    }

    private static void assertOption(JsonNode goal, String category, String option, int n, int percent) {
        JsonNode year = find(find(goal.path("categories"), "category", category).path("options"), "option", option)
                .path("years").get(0);
        assertThat(year.path("n").asInt()).as(option).isEqualTo(n);
        assertThat(year.path("percent").asInt()).as(option).isEqualTo(percent);
    }

    @Test
    void policy_inclusion_distribution_and_participation() throws Exception {
        // Included in policy, goal 1: 2040 P of 1 = 100 %; 2041 P of 3 = 33 %. Goal 2, 2041: P and Q of 2 = 100 %.
        JsonNode inclusion = report(REPORTS.get(2)).path("goals");
        assertThat(ints(inclusion.at("/0/years"), "included")).containsExactly(1, 1);
        assertThat(ints(inclusion.at("/0/years"), "respondents")).containsExactly(1, 3);
        assertThat(ints(inclusion.at("/0/years"), "percent")).containsExactly(100, 33);
        assertThat(inclusion.at("/1/years/1/percent").asInt()).isEqualTo(100);

        // Distribution 2041: below 25 R, above 75 P, no goal in policy R (voornemen only): each 1 of 3 = 33 %.
        // 2040: P 15 below = 100 %; P had goal 1 in policy.
        JsonNode distribution = report(REPORTS.get(4)).path("years");
        assertThat(distribution.at("/1/n").asInt()).isEqualTo(3);
        assertThat(List.of(distribution.at("/1/below").asInt(), distribution.at("/1/belowPercent").asInt(),
                distribution.at("/1/above").asInt(), distribution.at("/1/abovePercent").asInt(),
                distribution.at("/1/noGoalInPolicy").asInt(), distribution.at("/1/noGoalInPolicyPercent").asInt()))
                .containsExactly(1, 33, 1, 33, 1, 33);
        assertThat(distribution.at("/0/belowPercent").asInt()).isEqualTo(100);
        assertThat(distribution.at("/0/noGoalInPolicy").asInt()).isZero();

        // Participation in Flevoland, 2041 (years[1]): class 1 Q of 2 = 50 %, mean 30; class 2 none of 2 = 0 %;
        // class 3 R = 100 %, mean 5; class 4 P = 100 %, mean 86.25 -> 86.3; all 3 of 6 = 50 %, mean 121.25 / 3 -> 40.4.
        JsonNode classes = report(REPORTS.get(3), TestTokens.analyst()).path("sizeClasses");
        List<Integer> invited = StreamSupport.stream(classes.spliterator(), false)
                .map(c -> c.at("/years/1/invited").asInt()).toList();
        assertThat(invited).containsExactly(2, 2, 1, 1, 0, 6);
        assertThat(StreamSupport.stream(classes.spliterator(), false).map(c -> c.at("/years/1/participated").asInt())
                .toList()).containsExactly(1, 0, 1, 1, 0, 3);
        assertThat(classes.at("/0/years/1/percent").asInt()).isEqualTo(50);
        assertThat(classes.at("/1/years/1/percent").asInt()).isZero();
        assertThat(classes.at("/4/years/1/percent").isNull()).isTrue();
        assertThat(classes.at("/5/years/1/percent").asInt()).isEqualTo(50);
        assertThat(classes.at("/0/years/1/meanTotal").asDouble()).isEqualTo(30.0);
        assertThat(classes.at("/2/years/1/meanTotal").asDouble()).isEqualTo(5.0);
        assertThat(classes.at("/3/years/1/meanTotal").asDouble()).isEqualTo(86.3);
        assertThat(classes.at("/5/years/1/meanTotal").asDouble()).isEqualTo(40.4);
        assertThat(classes.at("/3/years/0/meanTotal").asDouble()).isEqualTo(15.0);   // 2040: P
        // The region's coordinator sees no mean over fewer than 3 municipalities (small-cell suppression): classes
        // 1, 3 and 4 hold one participant each; the counts and the mean over all three stay.
        JsonNode forCoordinator = report(REPORTS.get(3), TestTokens.coordinator("Flevoland")).path("sizeClasses");
        for (int sizeClass : List.of(0, 2, 3)) {
            assertThat(forCoordinator.at("/" + sizeClass + "/years/1/meanTotal").isNull()).as("class %d", sizeClass + 1)
                    .isTrue();
            assertThat(forCoordinator.at("/" + sizeClass + "/years/1/suppressed").asBoolean()).isTrue();
        }
        assertThat(forCoordinator.at("/0/years/1/participated").asInt()).isEqualTo(1);
        assertThat(forCoordinator.at("/5/years/1/meanTotal").asDouble()).isEqualTo(40.4);
    }

    @Test
    void extra_questions_grades_and_their_correlation_with_the_total() throws Exception {
        JsonNode year = report(REPORTS.get(5)).at("/years/0");
        // Grades past 5, 3, 6 -> 4.7; current 7, 4, 6 -> 5.7; expected 8, 6, 7 -> 7.0.
        assertThat(ints(year.path("grades"), "n")).containsExactly(3, 3, 3);
        assertThat(StreamSupport.stream(year.path("grades").spliterator(), false).map(g -> g.path("mean").asDouble())
                .toList()).containsExactly(4.7, 5.7, 7.0);
        // Pearson r of current grade x = 7, 4, 6 (mean 5.667) and total y = 86.25, 30, 5 (mean 40.417):
        // Sxy = 66.667, Sxx = 4.667, Syy = 3463.54; r = 66.667 / sqrt(4.667 x 3463.54) = 0.524 -> 0.52, n 3.
        assertThat(year.at("/correlation/n").asInt()).isEqualTo(3);
        assertThat(year.at("/correlation/r").asDouble()).isEqualTo(0.52);
    }

    @Test
    void the_card_of_a_municipality_and_the_region_view() throws Exception {
        JsonNode card = report(REPORTS.get(6), TestTokens.respondent(P));
        // Goal 1: 72.5 = 73 %, ORANGE, 2040 15: +57.5; size class 4 in 2041 only P: 72.5; Flevoland and the
        // country (P, Q, R): 77.5 / 3 -> 25.8. Goal 2: 100 GREEN, no 2040 answer: no change. Total 86.25, +71.25.
        assertThat(card.at("/goals/0/points").asDouble()).isEqualTo(72.5);
        assertThat(card.at("/goals/0/percent").asInt()).isEqualTo(73);
        assertThat(card.at("/goals/0/band").asText()).isEqualTo("ORANGE");
        assertThat(card.at("/goals/0/change").asDouble()).isEqualTo(57.5);
        // Size class 4 in 2041 is P alone: withheld from the respondent (small-cell suppression), shown to an analyst.
        assertThat(card.at("/goals/0/sizeClassMean").isNull()).isTrue();
        assertThat(card.at("/goals/0/sizeClassMeanSuppressed").asBoolean()).isTrue();
        assertThat(report(REPORTS.get(6), TestTokens.analyst()).at("/goals/0/sizeClassMean").asDouble())
                .isEqualTo(72.5);
        // Flevoland and the country are P, Q, R: two others of P, so withheld from P's respondent too (k counts the
        // others than the card's municipality); an analyst sees them.
        assertThat(card.at("/goals/0/regionMean").isNull()).isTrue();
        assertThat(card.at("/goals/0/regionMeanSuppressed").asBoolean()).isTrue();
        assertThat(card.at("/goals/0/countryMean").isNull()).isTrue();
        assertThat(card.at("/goals/0/countryMeanSuppressed").asBoolean()).isTrue();
        JsonNode analysts = report(REPORTS.get(6), TestTokens.analyst());
        assertThat(analysts.at("/goals/0/regionMean").asDouble()).isEqualTo(25.8);
        assertThat(analysts.at("/goals/0/countryMean").asDouble()).isEqualTo(25.8);
        assertThat(card.at("/goals/1/band").asText()).isEqualTo("GREEN");
        assertThat(card.at("/goals/1/change").isNull()).isTrue();
        assertThat(card.at("/total/points").asDouble()).isEqualTo(86.25);
        assertThat(card.at("/total/band").asText()).isEqualTo("GREEN");
        assertThat(card.at("/total/change").asDouble()).isEqualTo(71.25);
        // Borging and inhoud only (max 75): goal 1 25 + 27.5 = 52.5 = 70 %.
        JsonNode subset = Clients.tree(new MunicipalityViewsApi(Clients.reporting(platform, TestTokens.respondent(P)))
                .getMunicipalityCard(P, "borging,inhoud", null, "2041"));
        assertThat(subset.path("maximum").asDouble()).isEqualTo(75.0);
        assertThat(subset.at("/goals/0/points").asDouble()).isEqualTo(52.5);
        assertThat(subset.at("/goals/0/percent").asInt()).isEqualTo(70);
        // Another municipality's card is not the respondent's to see.
        assertThat(Clients.status(() -> new MunicipalityViewsApi(Clients.reporting(platform, TestTokens.respondent(P)))
                .getMunicipalityCard(Q, null, null, "2041"))).isEqualTo(403);

        JsonNode view = report(REPORTS.get(7), TestTokens.coordinator("Flevoland")).path("municipalities");
        assertThat(view).hasSize(6);
        JsonNode p = find(view, "municipality", P);
        assertThat(p.path("total").asDouble()).isEqualTo(86.25);
        assertThat(p.path("band").asText()).isEqualTo("GREEN");
        assertThat(p.path("goalsAnswered").asInt()).isEqualTo(2);
        assertThat(p.path("trend").asText()).isEqualTo("UP");
        assertThat(find(view, "municipality", Q).path("trend").asText()).isEqualTo("NEW");
        assertThat(find(view, "municipality", R).path("band").asText()).isEqualTo("RED");
        assertThat(find(view, "municipality", "GM0184").path("participated").asBoolean()).isFalse();
        assertThat(Clients.status(() -> report(REPORTS.get(7), TestTokens.coordinator("Groningen")))).isEqualTo(403);
    }

    @Test
    void a_damaged_read_model_is_rebuilt_from_the_topics_when_the_service_starts_with_rebuild_on_start()
            throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        for (Report report : REPORTS) {
            before.put(report.name(), report(report).toString());
        }
        try (Connection db = PostgresServer.shared().connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM reporting.municipality_score WHERE year IN (2040, 2041)");
        }
        assertThat(report(REPORTS.get(0)).at("/goals/0/years/1/n").asInt()).as("damaged").isZero();

        platform.restart("reporting-service", Map.of("reporting.rebuild.on-start", "true"));

        JsonNode health = Api.read(Api.get(platform.managementUrl("reporting-service") + "/q/health/ready", null).body());
        JsonNode check = find(health.path("checks"), "name", "read-model");
        assertThat(check.at("/data/startupRebuild").asText()).isEqualTo("DONE");
        for (Report report : REPORTS) {
            assertThat(report(report).toString()).as(report.name()).isEqualTo(before.get(report.name()));
        }
    }
}
