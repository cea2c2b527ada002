package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.reporting.report.ExcelWorkbook;
import nl.monitor.testsupport.AccessiblePdf;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.contracts.EventType;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.domain.questionnaire.Inclusion.INCLUDED;
import static nl.monitor.domain.questionnaire.Inclusion.INTENDED;
import static nl.monitor.domain.questionnaire.Inclusion.NOT_INCLUDED;
import static nl.monitor.domain.questionnaire.ReachShare.EVERYONE;
import static nl.monitor.domain.questionnaire.ReachShare.LESS_THAN_HALF;
import static nl.monitor.domain.questionnaire.ReachShare.MORE_THAN_HALF;
import static nl.monitor.domain.questionnaire.ReachShare.NONE;
import static nl.monitor.reporting.Cohort.category;
import static nl.monitor.reporting.Cohort.extras;
import static nl.monitor.reporting.Cohort.goal;
import static nl.monitor.reporting.Cohort.publish;
import static nl.monitor.reporting.Cohort.submission;
import static nl.monitor.reporting.ScoreEvents.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every report over a small hand-made cohort, against values computed by hand below. The cohort uses the years 2030
 * and 2031, which no other test of this module publishes, so national reports of those years see only it.
 *
 * <pre>
 * 2031 (current versions)                                   goal 1                 goal 2              total
 * A GM1950 Westerwolde  class 2 Groningen  v2 (v1 superseded)
 *     goal 1: Ja + document (regiovisie) 25; measures 5 + 2 of 4 categories x 11.25 = 27.5; insight, > half 20   = 72.5 ORANGE
 *     goal 2: Nee 0; no measures 0; no insight 0                                                    =  0   RED
 *     total (72.5 + 0) / 2 = 36.25 ORANGE
 * B GM1979 Eemsdelta    class 2 Groningen
 *     goal 1: voornemen 5; 5 + 1 of 4 (subsidy: geen onderdeel earns nothing; voorzorg) = 16.25; no insight 0 = 21.25 RED
 *     goal 2: Ja without document 15; 5 + 3 of 3 x 15 = 50; insight, everyone 25                    = 90   GREEN
 *     total (21.25 + 90) / 2 = 55.625 ORANGE
 * C GM1895 Oldambt      class 2 Groningen   goal 1 only: Nee, nothing                               =  0 RED; total 0 RED
 * D GM0193 Zwolle       class 4 IJsselland
 *     goal 1: Ja + documents (regiovisie, uitvoeringsplan) 25; 5 + 4 of 4 = 50; insight, everyone 25                               = 100  GREEN
 *     goal 2: Ja + document (notitie jeugdbeleid) 25; 5 + 1 of 3 ("Anders" with text) = 20; insight, < half 15            = 60   ORANGE
 *     total 80 GREEN
 * 2030
 * A: goal 1 Ja 15 + no measures 0 + insight none 10 = 25; goal 2 voornemen 5 = 5; total 15 RED
 * D: goal 1 Nee 0 + 5 + 1 of 4 = 16.25 + no insight = 16.25; total 16.25 RED
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ReportsTest {

    static final String A = "GM1950";
    static final String B = "GM1979";
    static final String C = "GM1895";
    static final String D = "GM0193";
    private static final String YEARS = "year=2031&compareWith=2030";

    private static boolean published;

    @BeforeEach
    void publishCohortOnce() {
        if (published) {
            return;
        }
        // A's v2 first, then its superseded v1: a late older version must not count.
        publish(submission(A, 2031, 2,
                extras(List.of("parents-not-reached", "family-crises"), List.of("children-in-poverty"), 5, 6, 7,
                        "somewhat", true, "yes"),
                goal(1, INCLUDED, true, true, MORE_THAN_HALF, category("subsidy-conditions", "attention-officer"),
                        category("chain-cooperation", "cooperation-agreements")),
                goal(2, NOT_INCLUDED, false, false, null)));
        publish(submission(A, 2031, 1,
                extras(List.of("supervision-orders"), List.of("children-asylum-centres"), 9, 9, 9, "no-view", false,
                        "not-yet"),
                goal(1, INCLUDED, true, true, EVERYONE, category("own-action", "campaign"),
                        category("subsidy-conditions", "attention-officer"),
                        category("chain-cooperation", "cooperation-agreements"),
                        category("programme-purchasing", "baby-extra")),
                goal(2, INCLUDED, true, true, EVERYONE, category("municipal-campaign", "regional-television"),
                        category("information-projects", "fatherhood-debates"),
                        category("municipal-information", "leaflet-geweld-raakt-kinderen"))));
        publish(submission(A, 2030, 1,
                extras(List.of("none-in-view"), List.of("no-specific-policy"), 3, 4, 5, "no", false, "not-yet"),
                goal(1, INCLUDED, false, false, NONE),
                goal(2, INTENDED, false, false, null)));
        publish(submission(B, 2031, 1,
                extras(List.of("none-in-view"), List.of("children-in-poverty", "parents-intellectual-disability"),
                        4, 7, 8, "strongly", false, "not-yet"),
                goal(1, INTENDED, false, true, null, category("subsidy-conditions", "not-in-policy"),
                        category("programme-purchasing", "voorzorg")),
                goal(2, INCLUDED, false, true, EVERYONE, category("information-projects", "mother-child-course"),
                        category("municipal-campaign", "billboards"),
                        category("municipal-information", "leaflet-veilig-thuis"))));
        publish(submission(C, 2031, 1,
                extras(List.of("parents-not-reached"), List.of(), null, 2, 6, "no", null, null),
                goal(1, NOT_INCLUDED, false, false, null)));
        publish(submission(D, 2031, 1,
                extras(List.of("parents-not-reached", "multi-problem-families"), List.of("children-in-poverty"),
                        6, 8, 9, "somewhat", true, "central-municipality"),
                goal(1, INCLUDED, List.of("regional-vision", "implementation-plan"), true, EVERYONE,
                        category("subsidy-conditions", "attention-officer", "risk-assessment-tools"),
                        category("chain-cooperation", "cooperation-agreements"),
                        category("programme-purchasing", "voorzorg"),
                        category("own-action", "parent-information-meetings")),
                goal(2, INCLUDED, List.of("youth-policy-memo"), true, LESS_THAN_HALF,
                        category("information-projects", "other"),
                        category("municipal-campaign", "not-in-policy"))));
        publish(submission(D, 2030, 1,
                extras(List.of("none-in-view"), List.of("no-specific-policy"), 5, 5, 5, "no-view", false, "not-yet"),
                goal(1, NOT_INCLUDED, false, true, null, category("subsidy-conditions", "attention-officer"))));

        // Each municipality's events share a partition, in order: once its last event is projected, all are.
        await().atMost(Duration.ofSeconds(60)).until(() -> projected("municipality_score", "submission_version")
                && projected("municipality_submission", "version"));
        // 2030's wave is over: its two municipalities are released to coordinators (fewer than k = 3 would not be
        // while it runs; see ReleasesTest).
        Waves.record("wave.closed", 2030, Instant.parse("2030-12-01T00:00:00Z"));
        published = true;
    }

    private static boolean projected(String table, String versionColumn) {
        return rows("SELECT 1 FROM reporting." + table + " WHERE (municipality, year, " + versionColumn + ") IN "
                + "(('GM1950', 2030, 1), ('GM1979', 2031, 1), ('GM1895', 2031, 1), ('GM0193', 2030, 1))").size() == 4;
    }

    private static JsonPath json(String token, String path) {
        return given().config(RestAssured.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath analyst(String path) {
        return json(TestTokens.analyst(), path);
    }

    @Test
    void goal_scores_per_goal_per_year() {
        JsonPath report = analyst("/api/reports/goal-scores?" + YEARS);
        assertThat(report.getInt("year")).isEqualTo(2031);
        assertThat(report.getInt("compareWith")).isEqualTo(2030);
        assertThat(report.getList("goals.goal", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(report.getString("goals[0].title")).isEqualTo(
                "Screening en hulp voor zwangere vrouwen in hoog-risicosituaties");
        // 2031 goal 1, n 4: totals 72.5 + 21.25 + 0 + 100 = 193.75 / 4 = 48.4375 -> 48.4;
        // borging 25 + 5 + 0 + 25 = 55 / 4 = 13.75 -> 13.8; inhoud 27.5 + 16.25 + 0 + 50 = 93.75 / 4 = 23.4375 -> 23.4;
        // bereik 20 + 0 + 0 + 25 = 45 / 4 = 11.25 -> 11.3.
        assertYear(report, "goals[0].years[1]", 2031, 4, 48.4, 13.8, 23.4, 11.3);
        // 2031 goal 2, n 3 (C did not answer it): totals 0 + 90 + 60 = 150 / 3 = 50; borging 0 + 15 + 25 = 40 / 3
        // -> 13.3; inhoud 0 + 50 + 20 = 70 / 3 -> 23.3; bereik 0 + 25 + 15 = 40 / 3 -> 13.3.
        assertYear(report, "goals[1].years[1]", 2031, 3, 50.0, 13.3, 23.3, 13.3);
        // 2030 goal 1, n 2: 25 and 16.25 -> 20.625 -> 20.6; borging 15, 0 -> 7.5; inhoud 0, 16.25 -> 8.125 -> 8.1;
        // bereik 10, 0 -> 5. Goal 2, n 1 (A): 5, 5, 0, 0.
        assertYear(report, "goals[0].years[0]", 2030, 2, 20.6, 7.5, 8.1, 5.0);
        assertYear(report, "goals[1].years[0]", 2030, 1, 5.0, 5.0, 0.0, 0.0);
        assertThat(report.getInt("goals[2].years[1].n")).isZero();
        assertThat(report.getString("goals[2].years[1].meanTotal")).isNull();

        // Region Groningen, size class 2: A, B, C. Goal 1: 72.5 + 21.25 + 0 = 93.75 / 3 = 31.25 -> 31.3.
        JsonPath region = json(TestTokens.coordinator("Groningen"),
                "/api/reports/goal-scores?year=2031&region=Groningen&sizeClass=2");
        assertThat(region.getInt("goals[0].years[0].n")).isEqualTo(3);
        assertThat(region.getDouble("goals[0].years[0].meanTotal")).isEqualTo(31.3);
    }

    private static void assertYear(JsonPath report, String at, int year, int n, double total, double borging,
                                   double inhoud, double bereik) {
        assertThat(report.getInt(at + ".year")).isEqualTo(year);
        assertThat(report.getInt(at + ".n")).isEqualTo(n);
        assertThat(report.getDouble(at + ".meanTotal")).isEqualTo(total);
        assertThat(report.getDouble(at + ".meanBorging")).isEqualTo(borging);
        assertThat(report.getDouble(at + ".meanInhoud")).isEqualTo(inhoud);
        assertThat(report.getDouble(at + ".meanBereik")).isEqualTo(bereik);
    }

    @Test
    void measures_per_goal_category_and_option() {
        JsonPath report = analyst("/api/reports/measures?" + YEARS);
        // Goal 1 respondents: 2030 A, D = 2; 2031 A, B, C, D = 4. Goal 2: 2031 A, B, D = 3.
        assertThat(report.getList("goals[0].respondents.n", Integer.class)).containsExactly(2, 4);
        assertThat(report.getList("goals[1].respondents.n", Integer.class)).containsExactly(1, 3);
        // 2031 goal 1: attention-officer A, D = 2 of 4 = 50 %; risk-assessment-tools D = 25 %; geen onderdeel van
        // beleid B = 25 %; cooperation-agreements A, D = 50 %; voorzorg B, D = 50 %; parent meetings D = 25 %.
        assertOption(report, 1, "subsidy-conditions", "attention-officer", 2, 4, 50);
        assertOption(report, 1, "subsidy-conditions", "risk-assessment-tools", 1, 4, 25);
        assertOption(report, 1, "subsidy-conditions", "not-in-policy", 1, 4, 25);
        assertOption(report, 1, "chain-cooperation", "cooperation-agreements", 2, 4, 50);
        assertOption(report, 1, "programme-purchasing", "voorzorg", 2, 4, 50);
        assertOption(report, 1, "own-action", "parent-information-meetings", 1, 4, 25);
        // Only in A's superseded version 1: not counted.
        assertOption(report, 1, "own-action", "campaign", 0, 4, 0);
        assertOption(report, 1, "programme-purchasing", "baby-extra", 0, 4, 0);
        // 2031 goal 2, of 3: 1 of 3 = 33.3 -> 33 %.
        assertOption(report, 2, "information-projects", "mother-child-course", 1, 3, 33);
        assertOption(report, 2, "information-projects", "other", 1, 3, 33);
        assertOption(report, 2, "municipal-campaign", "not-in-policy", 1, 3, 33);
        assertOption(report, 2, "municipal-campaign", "regional-television", 0, 3, 0);
        String option = "goals[0].categories.find { it.category == 'subsidy-conditions' }.options"
                + ".find { it.option == 'not-in-policy' }";
        assertThat(report.getString(option + ".label")).isEqualTo("(geen onderdeel van beleid)");
        // 2030 goal 1: attention-officer D = 1 of 2 = 50 %.
        assertThat(report.getInt("goals[0].categories.find { it.category == 'subsidy-conditions' }.options"
                + ".find { it.option == 'attention-officer' }.years[0].percent")).isEqualTo(50);
    }

    private static void assertOption(JsonPath report, int goal, String category, String option, int n,
                                     int respondents, int percent) {
        String at = "goals[" + (goal - 1) + "].categories.find { it.category == '" + category + "' }.options"
                + ".find { it.option == '" + option + "' }.years[1]";
        assertThat(report.getInt(at + ".year")).isEqualTo(2031);
        assertThat(report.getInt(at + ".n")).as(at).isEqualTo(n);
        assertThat(report.getInt(at + ".respondents")).isEqualTo(respondents);
        assertThat(report.getInt(at + ".percent")).as(at).isEqualTo(percent);
    }

    @Test
    void policy_inclusion_per_goal() {
        JsonPath report = analyst("/api/reports/policy-inclusion?" + YEARS);
        // 2031 goal 1: Ja A, D = 2 of 4 = 50 %; goal 2: Ja B, D = 2 of 3 = 66.7 -> 67 %.
        // 2030 goal 1: Ja A = 1 of 2 = 50 %; goal 2: A voornemen = 0 of 1 = 0 %.
        assertThat(report.getList("goals[0].years.included", Integer.class)).containsExactly(1, 2);
        assertThat(report.getList("goals[0].years.respondents", Integer.class)).containsExactly(2, 4);
        assertThat(report.getList("goals[0].years.percent", Integer.class)).containsExactly(50, 50);
        assertThat(report.getList("goals[1].years.included", Integer.class)).containsExactly(0, 2);
        assertThat(report.getList("goals[1].years.respondents", Integer.class)).containsExactly(1, 3);
        assertThat(report.getList("goals[1].years.percent", Integer.class)).containsExactly(0, 67);
    }

    @Test
    void documents_the_goals_are_laid_down_in() {
        JsonPath report = analyst("/api/reports/documents?" + YEARS);
        // 2031: laid down A goal 1 (regiovisie), D goal 1 (regiovisie, uitvoeringsplan), D goal 2 (notitie
        // jeugdbeleid): 3 goals of 2 municipalities, 4 mentions; respondents A, B, C, D. 2030: none laid down.
        assertThat(report.getString("denominator")).isEqualTo("mentions");
        assertThat(report.getList("years.year", Integer.class)).containsExactly(2030, 2031);
        assertThat(report.getList("years.respondents", Integer.class)).containsExactly(2, 4);
        assertThat(report.getList("years.municipalitiesLaidDown", Integer.class)).containsExactly(0, 2);
        assertThat(report.getList("years.goalsLaidDown", Integer.class)).containsExactly(0, 3);
        assertThat(report.getList("years.mentions", Integer.class)).containsExactly(0, 4);
        // Every document kind of the questionnaire, "Anders" included, with its label.
        assertThat(report.getList("documents.document")).containsExactly("regional-vision", "implementation-plan",
                "youth-policy-memo", "wmo-framework-memo", "other");
        assertThat(report.getList("documents.label")).containsExactly("Regiovisie", "Uitvoeringsplan",
                "Gemeentelijke notitie jeugdbeleid", "Kadernota Wmo", "Anders");
        // 2031: regiovisie 2 of 4 mentions = 50 %, of 3 goals 66.7 -> 67 %; uitvoeringsplan and notitie 1: 25 %, 33 %.
        assertThat(report.getList("documents.collect { it.years[1].n }", Integer.class))
                .containsExactly(2, 1, 1, 0, 0);
        assertThat(report.getList("documents.collect { it.years[1].percent }", Integer.class))
                .containsExactly(50, 25, 25, 0, 0);
        assertThat(report.getList("documents.collect { it.years[1].percentOfGoalsLaidDown }", Integer.class))
                .containsExactly(67, 33, 33, 0, 0);
        // 2030: nothing laid down, no whole to take a share of.
        assertThat(report.getList("documents.collect { it.years[0].n }", Integer.class))
                .containsExactly(0, 0, 0, 0, 0);
        assertThat(report.getList("documents.collect { it.years[0].percent }")).containsOnlyNulls();

        // Region Groningen: only A laid a goal down in 2031: withheld from its coordinator, shown to an analyst.
        String path = "/api/reports/documents?year=2031&region=Groningen";
        JsonPath coordinator = json(TestTokens.coordinator("Groningen"), path);
        assertThat(coordinator.getBoolean("years[0].suppressed")).isTrue();
        assertThat(coordinator.getInt("years[0].respondents")).isEqualTo(3);
        assertThat(coordinator.getString("years[0].mentions")).isNull();
        assertThat(coordinator.getList("documents.collect { it.years[0].n }")).containsOnlyNulls();
        assertThat(coordinator.getList("documents.collect { it.years[0].suppressed }", Boolean.class))
                .containsOnly(true);
        JsonPath regional = analyst(path);
        assertThat(regional.getBoolean("years[0].suppressed")).isFalse();
        assertThat(regional.getList("documents.collect { it.years[0].percent }", Integer.class))
                .containsExactly(100, 0, 0, 0, 0);

        // CSV: one row per document kind and year, with the year's whole.
        String csv = given().auth().oauth2(TestTokens.analyst()).get("/api/reports/documents?format=csv&" + YEARS)
                .then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")[0]).isEqualTo("document,label,year,n,percent,percent_of_goals_laid_down,"
                + "mentions,goals_laid_down,respondents");
        assertThat(csv).contains("\r\nregional-vision,Regiovisie,2031,2,50,67,4,3,4\r\n",
                "\r\nimplementation-plan,Uitvoeringsplan,2030,0,,,0,0,2\r\n");
        String withheld = given().auth().oauth2(TestTokens.coordinator("Groningen")).get(path + "&format=csv")
                .then().statusCode(200).extract().asString();
        assertThat(withheld).contains("\r\nregional-vision,Regiovisie,2031,,,,,,3\r\n");
    }

    @Test
    void participation_per_size_class() {
        // Region Groningen invites 10: class 1 Pekela; class 2 Stadskanaal, Veendam, Oldambt, Westerwolde,
        // Het Hogeland, Eemsdelta (6); class 3 Midden-Groningen, Westerkwartier (2); class 4 Groningen; class 5 none.
        JsonPath report = analyst("/api/reports/participation?" + YEARS + "&region=Groningen");
        assertThat(report.getList("sizeClasses.sizeClass")).containsExactly(1, 2, 3, 4, 5, null);
        assertThat(report.getList("sizeClasses.collect { it.years[0].invited }", Integer.class)).containsExactly(1, 6, 2, 1, 0, 10);
        // 2031 class 2: A, B, C = 3 of 6 = 50 %, mean (36.25 + 55.625 + 0) / 3 = 30.625 -> 30.6; all: 3 of 10 = 30 %.
        assertThat(report.getInt("sizeClasses[1].years[1].participated")).isEqualTo(3);
        assertThat(report.getInt("sizeClasses[1].years[1].percent")).isEqualTo(50);
        assertThat(report.getDouble("sizeClasses[1].years[1].meanTotal")).isEqualTo(30.6);
        assertThat(report.getInt("sizeClasses[5].years[1].percent")).isEqualTo(30);
        assertThat(report.getDouble("sizeClasses[5].years[1].meanTotal")).isEqualTo(30.6);
        // 2030 class 2: A = 1 of 6 = 16.7 -> 17 %, mean 15; class 5 invites none: no percentage.
        assertThat(report.getInt("sizeClasses[1].years[0].percent")).isEqualTo(17);
        assertThat(report.getDouble("sizeClasses[1].years[0].meanTotal")).isEqualTo(15.0);
        assertThat(report.getString("sizeClasses[4].years[0].percent")).isNull();
        assertThat(report.getInt("sizeClasses[0].years[1].participated")).isZero();

        // Nationally 2031: 4 participants, mean (36.25 + 55.625 + 0 + 80) / 4 = 42.96875 -> 43.0; class 4: D, 80.
        JsonPath national = analyst("/api/reports/participation?year=2031");
        assertThat(national.getInt("sizeClasses[5].years[0].participated")).isEqualTo(4);
        assertThat(national.getDouble("sizeClasses[5].years[0].meanTotal")).isEqualTo(43.0);
        assertThat(national.getDouble("sizeClasses[3].years[0].meanTotal")).isEqualTo(80.0);
    }

    @Test
    void distribution_of_totals_and_no_goal_in_policy() {
        JsonPath report = analyst("/api/reports/distribution?" + YEARS);
        // 2031: totals 36.25, 55.625, 0, 80: below 25 C = 1 of 4 = 25 %; above 75 D = 25 %;
        // no goal with Ja: C = 1 of 4 = 25 %.
        assertThat(report.getList("years.year", Integer.class)).containsExactly(2030, 2031);
        assertThat(report.getInt("years[1].n")).isEqualTo(4);
        assertThat(report.getInt("years[1].below")).isEqualTo(1);
        assertThat(report.getInt("years[1].belowPercent")).isEqualTo(25);
        assertThat(report.getInt("years[1].above")).isEqualTo(1);
        assertThat(report.getInt("years[1].abovePercent")).isEqualTo(25);
        assertThat(report.getInt("years[1].noGoalInPolicy")).isEqualTo(1);
        assertThat(report.getInt("years[1].noGoalInPolicyPercent")).isEqualTo(25);
        // 2030: 15 and 16.25 both below = 100 %, none above; no Ja: D = 1 of 2 = 50 %.
        assertThat(report.getInt("years[0].belowPercent")).isEqualTo(100);
        assertThat(report.getInt("years[0].above")).isZero();
        assertThat(report.getInt("years[0].noGoalInPolicyPercent")).isEqualTo(50);
    }

    @Test
    void extra_questions_grades_and_correlation() {
        JsonPath report = analyst("/api/reports/extras?year=2031");
        String y = "years[0]";
        // Risk-group figures, answered by 4: parents-not-reached A, C, D = 75 %; family-crises A = 25 %.
        String risk = y + ".questions.find { it.question == 'risk-group-figures' }";
        assertThat(report.getInt(risk + ".respondents")).isEqualTo(4);
        assertThat(report.getInt(risk + ".options.find { it.option == 'parents-not-reached' }.percent")).isEqualTo(75);
        assertThat(report.getInt(risk + ".options.find { it.option == 'family-crises' }.percent")).isEqualTo(25);
        assertThat(report.getInt(risk + ".options.find { it.option == 'supervision-orders' }.n")).isZero();
        // Target groups, answered by A, B, D: poverty 3 of 3 = 100 %; intellectual disability 1 of 3 = 33 %.
        String target = y + ".questions.find { it.question == 'target-group-policy' }";
        assertThat(report.getInt(target + ".respondents")).isEqualTo(3);
        assertThat(report.getInt(target + ".options.find { it.option == 'children-in-poverty' }.percent"))
                .isEqualTo(100);
        assertThat(report.getInt(target + ".options.find { it.option == 'parents-intellectual-disability' }.percent"))
                .isEqualTo(33);
        // Youth involved, answered by A (yes), B (no), D (yes): 67 % / 33 %.
        String youth = y + ".questions.find { it.question == 'youth-involved' }";
        assertThat(report.getList(youth + ".options.percent", Integer.class)).containsExactly(67, 33);
        // Grades: past 5, 4, 6 -> 5.0 (n 3); current 6, 7, 2, 8 = 23 / 4 = 5.75 -> 5.8; expected 7, 8, 6, 9 -> 7.5.
        assertThat(report.getList(y + ".grades.n", Integer.class)).containsExactly(3, 4, 4);
        assertThat(report.getList(y + ".grades.mean", Double.class)).containsExactly(5.0, 5.8, 7.5);
        // Pearson r, current grade x = 6, 7, 2, 8 (mean 5.75) against total y = 36.25, 55.625, 0, 80
        // (mean 42.96875): Sxy = 258.59375, Sxx = 20.75, Syy = 3422.94921875, r = 258.59375 / sqrt(20.75 x
        // 3422.94921875) = 0.9703 -> 0.97, n 4.
        assertThat(report.getInt(y + ".correlation.n")).isEqualTo(4);
        assertThat(report.getDouble(y + ".correlation.r")).isEqualTo(0.97);
        // Its two-sided p-value, t = r sqrt(2 / (1 - r²)) = 5.673 with 2 degrees of freedom, where
        // p = 1 - t / sqrt(t² + 2) = 0.0297 -> 0.030.
        assertThat(report.getDouble(y + ".correlation.p")).isEqualTo(0.03);
        // The scatter's points (grade, total), ordered: C (2, 0), A (6, 36.25), B (7, 55.625 -> 55.63), D (8, 80);
        // an analyst's only: a coordinator's report (Groningen: A, B, C) has none.
        assertThat(report.getList(y + ".correlation.points.grade", Integer.class)).containsExactly(2, 6, 7, 8);
        assertThat(report.getList(y + ".correlation.points.total", Double.class))
                .containsExactly(0.0, 36.25, 55.63, 80.0);
        JsonPath coordinators = json(TestTokens.coordinator("Groningen"),
                "/api/reports/extras?year=2031&region=Groningen");
        assertThat(coordinators.getInt(y + ".correlation.n")).isEqualTo(3);
        assertThat(coordinators.getString(y + ".correlation.points")).isNull();
    }

    @Test
    void municipality_card_with_means_change_components_and_advice() {
        JsonPath card = json(TestTokens.respondent(A), "/api/municipalities/" + A + "/card?year=2031");
        assertThat(card.getString("name")).isEqualTo("Westerwolde");
        assertThat(card.getInt("previousYear")).isEqualTo(2030);
        // Goal 1: 72.5 of 100 = 73 % (72.5 half up), was 25 in 2030: +47.5. Size class 2 (A, B, C) and region
        // Groningen (the same three): 31.25 -> 31.3; country 48.4375 -> 48.4.
        assertThat(card.getDouble("goals[0].points")).isEqualTo(72.5);
        assertThat(card.getInt("goals[0].percent")).isEqualTo(73);
        assertThat(card.getString("goals[0].band")).isEqualTo("ORANGE");
        assertThat(card.getDouble("goals[0].borging")).isEqualTo(25.0);
        assertThat(card.getDouble("goals[0].change")).isEqualTo(47.5);
        // B and C are only two others than A: withheld from A's respondent (see the_cards_means_count_...), shown to
        // an analyst; the country's A, B, C, D has three others.
        JsonPath means = analyst("/api/municipalities/" + A + "/card?year=2031");
        assertThat(means.getDouble("goals[0].sizeClassMean")).isEqualTo(31.3);
        assertThat(means.getDouble("goals[0].regionMean")).isEqualTo(31.3);
        assertThat(card.getDouble("goals[0].countryMean")).isEqualTo(48.4);
        // Goal 2: 0, was 5: -5. Size class and region: A 0, B 90 -> 45; country A, B, D 50 (an analyst's; two others
        // of A only, so the respondent's is withheld).
        assertThat(card.getDouble("goals[1].change")).isEqualTo(-5.0);
        assertThat(card.getString("goals[1].sizeClassMean")).isNull();
        assertThat(card.getBoolean("goals[1].sizeClassMeanSuppressed")).isTrue();
        assertThat(means.getDouble("goals[1].countryMean")).isEqualTo(50.0);
        assertThat(card.getBoolean("goals[2].answered")).isFalse();
        // Total 36.25 = 36 %, ORANGE, 2 goals; 2030: 15, change +21.25.
        assertThat(card.getDouble("total.points")).isEqualTo(36.25);
        assertThat(card.getInt("total.percent")).isEqualTo(36);
        assertThat(card.getString("total.band")).isEqualTo("ORANGE");
        assertThat(card.getDouble("total.change")).isEqualTo(21.25);
        // Advice: weakest goal 2 (0), then goal 1 (72.5). Goal 2 peers of class 2 answering it: B only; B uses
        // mother-child-course, billboards, leaflet-veilig-thuis, A none: each 1 peer = 100 %. Goal 1 peers B and C:
        // B's voorzorg (A lacks it) 1 of 2 = 50 %; B's "geen onderdeel van beleid" is no advice. Fewer than k = 3
        // peers each: the respondent gets the weak goals without the peers' measures; an analyst sees them.
        assertThat(card.getList("advice.goal", Integer.class)).containsExactly(2, 1);
        assertThat(card.getList("advice.suppressed", Boolean.class)).containsExactly(true, true);
        assertThat(card.getList("advice[0].measures")).isEmpty();
        JsonPath analysts = analyst("/api/municipalities/" + A + "/card?year=2031");
        assertThat(analysts.getList("advice.suppressed", Boolean.class)).containsExactly(false, false);
        assertThat(analysts.getList("advice[0].measures.option")).containsExactly("mother-child-course", "billboards",
                "leaflet-veilig-thuis");
        assertThat(analysts.getList("advice[0].measures.percent", Integer.class)).containsExactly(100, 100, 100);
        assertThat(analysts.getList("advice[1].measures.option")).containsExactly("voorzorg");
        assertThat(analysts.getList("advice[1].measures.percent", Integer.class)).containsExactly(50);

        // Goal 1 per component. Size class 2 (A 25/27.5/20, B 5/16.25/0, C 0/0/0): borging 10.0, inhoud 43.75 / 3 =
        // 14.58 -> 14.6, bereik 6.67 -> 6.7; the country adds D 25/50/25: 13.75 -> 13.8, 23.4375 -> 23.4, 11.25 ->
        // 11.3; A's 2030 goal 1: borging 15, inhoud 0, bereik 10. The respondent's size-class and region parts are
        // withheld with their means; the country's (three others) are not.
        assertThat(means.getMap("goals[0].sizeClassParts")).containsExactlyInAnyOrderEntriesOf(
                Map.of("borging", 10.0, "inhoud", 14.6, "bereik", 6.7));
        assertThat(means.getMap("goals[0].countryParts")).containsExactlyInAnyOrderEntriesOf(
                Map.of("borging", 13.8, "inhoud", 23.4, "bereik", 11.3));
        assertThat(card.getMap("goals[0].previousParts")).containsExactlyInAnyOrderEntriesOf(
                Map.of("borging", 15.0, "inhoud", 0.0, "bereik", 10.0));
        assertThat(card.getMap("goals[0].countryParts")).isEqualTo(means.getMap("goals[0].countryParts"));
        assertThat(card.getMap("goals[0].sizeClassParts")).isNull();
        assertThat(card.getMap("goals[0].regionParts")).isNull();
        assertThat(card.getMap("goals[1].countryParts")).isNull();

        // Components borging + inhoud (max 75): goal 1 25 + 27.5 = 52.5 = 70 %; size class A 52.5, B 5 + 16.25,
        // C 0 -> 73.75 / 3 = 24.58 -> 24.6; total (52.5 + 0) / 2 = 26.25 = 35 %.
        JsonPath subset = analyst("/api/municipalities/" + A + "/card?year=2031&components=borging,inhoud");
        assertThat(subset.getDouble("maximum")).isEqualTo(75.0);
        assertThat(subset.getDouble("goals[0].points")).isEqualTo(52.5);
        assertThat(subset.getInt("goals[0].percent")).isEqualTo(70);
        assertThat(subset.getDouble("goals[0].sizeClassMean")).isEqualTo(24.6);
        assertThat(subset.getDouble("total.points")).isEqualTo(26.25);
        assertThat(subset.getInt("total.percent")).isEqualTo(35);
    }

    @Test
    void region_view_with_trend() {
        JsonPath view = json(TestTokens.coordinator("Groningen"), "/api/regions/Groningen/municipalities?year=2031");
        assertThat(view.getList("municipalities")).hasSize(10);
        String a = "municipalities.find { it.municipality == '" + A + "' }";
        assertThat(view.getDouble(a + ".total")).isEqualTo(36.25);
        assertThat(view.getString(a + ".band")).isEqualTo("ORANGE");
        assertThat(view.getInt(a + ".goalsAnswered")).isEqualTo(2);
        assertThat(view.getInt(a + ".previousYear")).isEqualTo(2030);
        assertThat(view.getDouble(a + ".change")).isEqualTo(21.25);
        assertThat(view.getString(a + ".trend")).isEqualTo("UP");
        String b = "municipalities.find { it.municipality == '" + B + "' }";
        assertThat(view.getDouble(b + ".total")).isEqualTo(55.63);
        assertThat(view.getString(b + ".trend")).isEqualTo("NEW");
        String c = "municipalities.find { it.municipality == '" + C + "' }";
        assertThat(view.getString(c + ".band")).isEqualTo("RED");
        assertThat(view.getInt(c + ".goalsAnswered")).isEqualTo(1);
        String pekela = "municipalities.find { it.municipality == 'GM0765' }";
        assertThat(view.getBoolean(pekela + ".participated")).isFalse();
        assertThat(view.getString(pekela + ".trend")).isEqualTo("NONE");
    }

    @Test
    void small_cells_of_a_region_filter_are_withheld_from_a_coordinator_and_shown_to_an_analyst() {
        // Groningen 2031: goal 1 answered by A, B, C (3 = k): shown; goal 2 by A, B only (2 < k): withheld, n shown.
        // 2030 (compareWith): only A.
        String path = "/api/reports/goal-scores?year=2031&compareWith=2030&region=Groningen";
        JsonPath coordinator = json(TestTokens.coordinator("Groningen"), path);
        assertThat(coordinator.getDouble("goals[0].years[1].meanTotal")).isEqualTo(31.3);
        assertThat(coordinator.getBoolean("goals[0].years[1].suppressed")).isFalse();
        assertThat(coordinator.getInt("goals[1].years[1].n")).isEqualTo(2);
        assertThat(coordinator.getString("goals[1].years[1].meanTotal")).isNull();
        assertThat(coordinator.getString("goals[1].years[1].meanBereik")).isNull();
        assertThat(coordinator.getBoolean("goals[1].years[1].suppressed")).isTrue();
        assertThat(coordinator.getBoolean("goals[0].years[0].suppressed")).isTrue();
        // A goal nobody answered has nothing to withhold.
        assertThat(coordinator.getBoolean("goals[2].years[1].suppressed")).isFalse();
        JsonPath analyst = analyst(path);
        assertThat(analyst.getDouble("goals[1].years[1].meanTotal")).isEqualTo(45.0);
        assertThat(analyst.getBoolean("goals[1].years[1].suppressed")).isFalse();
        assertThat(analyst.getDouble("goals[0].years[0].meanTotal")).isEqualTo(25.0);

        // CSV: the withheld cells are empty, the n stays.
        String csv = given().auth().oauth2(TestTokens.coordinator("Groningen")).get(path + "&format=csv").then()
                .statusCode(200).extract().asString();
        assertThat(csv).contains("\r\n2,Alle jonge ouders voorlichten over geweldloos opvoeden,2031,2,,,,\r\n");
        assertThat(csv).contains("\r\n1,Screening en hulp voor zwangere vrouwen in hoog-risicosituaties,2031,3,31.3,");
        String analystCsv = given().auth().oauth2(TestTokens.analyst()).get(path + "&format=csv").then()
                .statusCode(200).extract().asString();
        assertThat(analystCsv).contains("\r\n2,Alle jonge ouders voorlichten over geweldloos opvoeden,2031,2,45.0,");

        // Policy inclusion, goal 2 of 2: withheld; distribution 2030 (A alone): withheld, 2031 (3) shown.
        JsonPath inclusion = json(TestTokens.coordinator("Groningen"),
                "/api/reports/policy-inclusion?year=2031&region=Groningen");
        assertThat(inclusion.getString("goals[1].years[0].included")).isNull();
        assertThat(inclusion.getString("goals[1].years[0].percent")).isNull();
        assertThat(inclusion.getInt("goals[1].years[0].respondents")).isEqualTo(2);
        assertThat(inclusion.getInt("goals[0].years[0].included")).isEqualTo(1);
        JsonPath distribution = json(TestTokens.coordinator("Groningen"),
                "/api/reports/distribution?year=2031&compareWith=2030&region=Groningen");
        assertThat(distribution.getBoolean("years[0].suppressed")).isTrue();
        assertThat(distribution.getString("years[0].belowPercent")).isNull();
        assertThat(distribution.getInt("years[0].n")).isEqualTo(1);
        assertThat(distribution.getBoolean("years[1].suppressed")).isFalse();
        assertThat(distribution.getInt("years[1].below")).isEqualTo(1);
        // Participation: class 2 in 2031 (A, B, C) shows its mean; in 2030 (A alone) it is withheld.
        JsonPath participation = json(TestTokens.coordinator("Groningen"),
                "/api/reports/participation?year=2031&compareWith=2030&region=Groningen");
        assertThat(participation.getDouble("sizeClasses[1].years[1].meanTotal")).isEqualTo(30.6);
        assertThat(participation.getString("sizeClasses[1].years[0].meanTotal")).isNull();
        assertThat(participation.getBoolean("sizeClasses[1].years[0].suppressed")).isTrue();
        assertThat(participation.getInt("sizeClasses[1].years[0].participated")).isEqualTo(1);
        // Extras: the past grade was given by A and B only: withheld; the current one by A, B, C: 5.0.
        JsonPath extras = json(TestTokens.coordinator("Groningen"), "/api/reports/extras?year=2031&region=Groningen");
        assertThat(extras.getList("years[0].grades.suppressed", Boolean.class)).containsExactly(true, false, false);
        assertThat(extras.getString("years[0].grades[0].mean")).isNull();
        assertThat(extras.getDouble("years[0].grades[1].mean")).isEqualTo(5.0);
        // The card: goal 2's size-class and region means (A, B) withheld from the respondent, shown to an analyst.
        JsonPath card = json(TestTokens.analyst(), "/api/municipalities/" + A + "/card?year=2031");
        assertThat(card.getDouble("goals[1].sizeClassMean")).isEqualTo(45.0);
        assertThat(card.getDouble("goals[1].regionMean")).isEqualTo(45.0);
        assertThat(card.getBoolean("goals[1].regionMeanSuppressed")).isFalse();
        JsonPath own = json(TestTokens.respondent(A), "/api/municipalities/" + A + "/card?year=2031");
        assertThat(own.getString("goals[1].regionMean")).isNull();
        assertThat(own.getBoolean("goals[1].regionMeanSuppressed")).isTrue();
    }

    /**
     * Issue 25's holes in the card: k counts the others than the card's municipality (whose points its viewer
     * knows), for the size-class, region and country means alike. Goal 1 of 2031: size class 2 and Groningen are A,
     * B, C (two others of A), the country A, B, C, D (three others); goal 2: size class and region A, B (one other),
     * the country A, B, D (two others: with the country's 50 and its own 0, A's respondent would get B + D = 150).
     */
    @Test
    void the_cards_means_count_only_other_municipalities_and_the_country_mean_is_withheld_too() {
        for (String token : List.of(TestTokens.respondent(A), TestTokens.coordinator("Groningen"))) {
            JsonPath card = json(token, "/api/municipalities/" + A + "/card?year=2031");
            assertThat(card.getString("goals[0].sizeClassMean")).isNull();
            assertThat(card.getBoolean("goals[0].sizeClassMeanSuppressed")).isTrue();
            assertThat(card.getString("goals[0].regionMean")).isNull();
            assertThat(card.getBoolean("goals[0].regionMeanSuppressed")).isTrue();
            assertThat(card.getDouble("goals[0].countryMean")).isEqualTo(48.4);
            assertThat(card.getBoolean("goals[0].countryMeanSuppressed")).isFalse();
            assertThat(card.getString("goals[1].countryMean")).isNull();
            assertThat(card.getBoolean("goals[1].countryMeanSuppressed")).isTrue();
            // The CSV has the same empty cells: goal 2's row ends in three of them.
            String csv = given().auth().oauth2(token).accept("text/csv")
                    .get("/api/municipalities/" + A + "/card?year=2031").then().statusCode(200).extract().asString();
            assertThat(csv.lines().filter(l -> l.startsWith(A + ",2031,2,"))).singleElement()
                    .satisfies(line -> assertThat(line).endsWith(",,,"));
        }
        JsonPath analysts = analyst("/api/municipalities/" + A + "/card?year=2031");
        assertThat(analysts.getDouble("goals[0].sizeClassMean")).isEqualTo(31.3);
        assertThat(analysts.getDouble("goals[0].regionMean")).isEqualTo(31.3);
        assertThat(analysts.getDouble("goals[1].countryMean")).isEqualTo(50.0);
        assertThat(analysts.getList("goals.countryMeanSuppressed", Boolean.class)).containsOnly(false);

        // D (IJsselland, class 4) is alone in both: its own coordinator sees neither mean; the country (A, B, C
        // for goal 1) has three others of D.
        JsonPath d = json(TestTokens.coordinator("IJsselland"), "/api/municipalities/" + D + "/card?year=2031");
        assertThat(d.getBoolean("goals[0].regionMeanSuppressed")).isTrue();
        assertThat(d.getBoolean("goals[0].sizeClassMeanSuppressed")).isTrue();
        assertThat(d.getDouble("goals[0].countryMean")).isEqualTo(48.4);
    }

    @Test
    void small_cells_of_a_size_class_filter_are_withheld_from_a_coordinator_and_shown_to_an_analyst() {
        // IJsselland, size class 4, 2031: D alone.
        String path = "/api/reports/measures?year=2031&region=IJsselland&sizeClass=4";
        JsonPath coordinator = json(TestTokens.coordinator("IJsselland"), path);
        String attention = "goals[0].categories.find { it.category == 'subsidy-conditions' }.options"
                + ".find { it.option == 'attention-officer' }.years[0]";
        assertThat(coordinator.getString(attention + ".n")).isNull();
        assertThat(coordinator.getString(attention + ".percent")).isNull();
        assertThat(coordinator.getInt(attention + ".respondents")).isEqualTo(1);
        assertThat(coordinator.getBoolean(attention + ".suppressed")).isTrue();
        JsonPath analyst = analyst("/api/reports/measures?year=2031&sizeClass=4");
        assertThat(analyst.getInt(attention + ".n")).isEqualTo(1);
        assertThat(analyst.getInt(attention + ".percent")).isEqualTo(100);
        assertThat(analyst.getBoolean(attention + ".suppressed")).isFalse();

        String csv = given().auth().oauth2(TestTokens.coordinator("IJsselland")).get(path + "&format=csv").then()
                .statusCode(200).extract().asString();
        assertThat(csv).contains(",attention-officer,Aandachtsfunctionaris huiselijk geweld/ kindermishandeling,"
                + "2031,,1,\r\n");
        String analystCsv = given().auth().oauth2(TestTokens.analyst())
                .get("/api/reports/measures?year=2031&sizeClass=4&format=csv").then().statusCode(200).extract()
                .asString();
        assertThat(analystCsv).contains(",attention-officer,Aandachtsfunctionaris huiselijk geweld/ kindermishandeling,"
                + "2031,1,1,100\r\n");

        // Goal scores on the size class alone are national in region, but a coordinator must name its region.
        JsonPath scores = json(TestTokens.coordinator("IJsselland"),
                "/api/reports/goal-scores?year=2031&region=IJsselland&sizeClass=4");
        assertThat(scores.getBoolean("goals[0].years[0].suppressed")).isTrue();
        assertThat(scores.getString("goals[0].years[0].meanTotal")).isNull();
        assertThat(analyst("/api/reports/goal-scores?year=2031&sizeClass=4").getDouble("goals[0].years[0].meanTotal"))
                .isEqualTo(100.0);
    }

    @Test
    void csv_by_format_parameter_or_accept_header() {
        String csv = given().auth().oauth2(TestTokens.analyst()).get("/api/reports/goal-scores?format=csv&" + YEARS)
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")[0]).isEqualTo("goal,title,year,n,mean_total,mean_borging,mean_inhoud,mean_bereik");
        assertThat(csv).contains("\r\n1,Screening en hulp voor zwangere vrouwen in hoog-risicosituaties,2031,4,48.4,"
                + "13.8,23.4,11.3\r\n");
        String inclusion = given().auth().oauth2(TestTokens.analyst()).accept("text/csv")
                .get("/api/reports/policy-inclusion?" + YEARS).then().statusCode(200).extract().asString();
        assertThat(inclusion).contains("\r\n2,Alle jonge ouders voorlichten over geweldloos opvoeden,2031,2,3,67\r\n");
        String measures = given().auth().oauth2(TestTokens.analyst()).get("/api/reports/measures?format=csv&year=2031")
                .then().statusCode(200).extract().asString();
        // A label with a comma would be quoted; the "geen onderdeel" row of goal 1, subsidy conditions: 1 of 4 = 25.
        assertThat(measures).contains(",not-in-policy,(geen onderdeel van beleid),2031,1,4,25\r\n");
        String region = given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/regions/Groningen/municipalities?year=2031&format=csv").then().statusCode(200)
                .extract().asString();
        assertThat(region).contains("\r\nGM1950,Westerwolde,2,2031,true,36.25,ORANGE,2,2030,15.0,21.25,UP\r\n");
    }

    /** Every goal and year of goal-scores as its CSV row would hold it: goal, title, year, n and the four means. */
    private static List<List<Object>> goalScoreRows(JsonPath report) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int g = 0; g < report.getList("goals").size(); g++) {
            for (int y = 0; y < report.getList("goals[" + g + "].years").size(); y++) {
                String at = "goals[" + g + "].years[" + y + "].";
                rows.add(java.util.Arrays.asList(report.getDouble("goals[" + g + "].goal"),
                        report.getString("goals[" + g + "].title"), report.getDouble(at + "year"),
                        report.getDouble(at + "n"), report.get(at + "meanTotal"), report.get(at + "meanBorging"),
                        report.get(at + "meanInhoud"), report.get(at + "meanBereik")));
            }
        }
        return rows;
    }

    @Test
    void dutch_csv_opens_as_columns_with_decimal_commas() {
        String path = "/api/reports/goal-scores?" + YEARS;
        JsonPath report = analyst(path);
        String byParameter = given().auth().oauth2(TestTokens.analyst()).get(path + "&format=csv&dialect=nl").then()
                .statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asString();
        String byLanguage = given().auth().oauth2(TestTokens.analyst()).accept("text/csv")
                .header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.8").get(path).then().statusCode(200).extract()
                .asString();
        assertThat(byLanguage).isEqualTo(byParameter);
        assertThat(byParameter).startsWith("\uFEFFgoal;title;year;n;mean_total;mean_borging;mean_inhoud;mean_bereik\r\n");
        // Split on the separator, every line has the header's eight columns, and each cell is the JSON's value with
        // a decimal comma (no title holds a ';', so no field is quoted).
        List<String> lines = byParameter.substring(1).lines().skip(1).toList();
        List<List<Object>> expected = goalScoreRows(report);
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(";", -1);
            assertThat(cells).hasSize(8);
            List<Object> row = expected.get(i);
            assertThat(cells[1]).isEqualTo(row.get(1));
            for (int c : new int[]{0, 2, 3, 4, 5, 6, 7}) {
                assertThat(cells[c].isEmpty() ? null : Double.valueOf(cells[c].replace(',', '.')))
                        .as("line %d column %d: %s", i, c, lines.get(i)).isEqualTo(row.get(c));
            }
        }
        assertThat(byParameter).contains("\r\n1;Screening en hulp voor zwangere vrouwen in hoog-risicosituaties;2031;4;"
                + "48,4;13,8;23,4;11,3\r\n");
        // Without either, RFC 4180 as before; an English preference too.
        assertThat(given().auth().oauth2(TestTokens.analyst()).header("Accept-Language", "en-GB,nl;q=0.5")
                .get(path + "&format=csv").then().statusCode(200).extract().asString())
                .startsWith("goal,title,year,n,");
        given().auth().oauth2(TestTokens.analyst()).get(path + "&format=csv&dialect=excel").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("dialect"));
    }

    @Test
    void the_workbooks_cells_equal_the_json() throws java.io.IOException {
        String path = "/api/reports/goal-scores?" + YEARS;
        List<List<Object>> expected = goalScoreRows(analyst(path));
        byte[] xlsx = given().auth().oauth2(TestTokens.analyst()).get(path + "&format=xlsx").then().statusCode(200)
                .contentType(ExcelWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", equalTo("attachment; filename=\"goal-scores-2031.xlsx\""))
                .extract().asByteArray();
        try (Workbook workbook = WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("mean_total");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
            for (int r = 1; r <= expected.size(); r++) {
                List<Object> row = expected.get(r - 1);
                for (int c = 0; c < row.size(); c++) {
                    Cell cell = sheet.getRow(r).getCell(c);
                    Object value = cell == null ? null : cell.getCellType() == CellType.NUMERIC
                            ? (Object) cell.getNumericCellValue() : cell.getStringCellValue();
                    assertThat(value).as("row %d column %d", r, c).isEqualTo(row.get(c));
                }
            }
        }
        // By the Accept header too, and for a coordinator's region with its withheld cells empty.
        given().auth().oauth2(TestTokens.analyst()).accept(ExcelWorkbook.MEDIA_TYPE).get(path).then().statusCode(200)
                .contentType(ExcelWorkbook.MEDIA_TYPE);
        String region = "/api/reports/goal-scores?year=2031&region=Groningen";
        List<List<Object>> coordinators = goalScoreRows(json(TestTokens.coordinator("Groningen"), region));
        byte[] regional = given().auth().oauth2(TestTokens.coordinator("Groningen")).get(region + "&format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (Workbook workbook = WorkbookFactory.create(new java.io.ByteArrayInputStream(regional))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(coordinators.get(1).get(4)).as("goal 2 over A and B: withheld").isNull();
            assertThat(sheet.getRow(2).getCell(4)).isNull();
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(coordinators.get(0).get(4));
        }
    }

    /**
     * The yearly report as a PDF: veraPDF's PDF/UA-1 validation fails no rule, and its text layer holds every number
     * of Tabel 3.1, 4.11 and 4.12 as the JSON gives them (a row's cells in order, with the decimal comma).
     */
    @Test
    void the_yearly_report_is_a_pdf_ua_document_with_the_numbers_of_the_json() throws Exception {
        String path = "/api/reports/yearly?" + YEARS;
        byte[] pdf = given().auth().oauth2(TestTokens.analyst()).accept("application/pdf").get(path).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        // Integers as integers, decimals as written (5.0 stays 5.0): the JSON's own text of each number.
        JsonPath report = given().config(RestAssured.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(TestTokens.analyst()).get(path).then().statusCode(200).extract().jsonPath();

        String text = AccessiblePdf.text(pdf);
        List<String> rows = new java.util.ArrayList<>();
        // Tabel 3.1: per size class and year invited, participated, percent.
        for (int c = 0; c < report.getList("participation.sizeClasses").size(); c++) {
            String at = "participation.sizeClasses[" + c + "]";
            for (int y = 0; y < report.getList(at + ".years").size(); y++) {
                String year = at + ".years[" + y + "].";
                rows.add(String.join(" ", report.getString(at + ".label"), report.getString(year + "year"),
                        report.getString(year + "invited"), report.getString(year + "participated"),
                        percent(report.get(year + "percent"))));
            }
        }
        // Tabel 4.11: per goal and year included, respondents, percent.
        for (int g = 0; g < report.getList("policyInclusion.goals").size(); g++) {
            String at = "policyInclusion.goals[" + g + "]";
            for (int y = 0; y < report.getList(at + ".years").size(); y++) {
                String year = at + ".years[" + y + "].";
                rows.add(String.join(" ", report.getString(at + ".goal") + ". " + report.getString(at + ".title"),
                        report.getString(year + "year"), report.getString(year + "included"),
                        report.getString(year + "respondents"), percent(report.get(year + "percent"))));
            }
        }
        // Borging: per document kind and year mentioned, % of mentions, % of goals laid down.
        for (int d = 0; d < report.getList("documents.documents").size(); d++) {
            String at = "documents.documents[" + d + "]";
            for (int y = 0; y < report.getList(at + ".years").size(); y++) {
                String year = at + ".years[" + y + "].";
                rows.add(String.join(" ", report.getString(at + ".label"), report.getString(year + "year"),
                        report.getString(year + "n"), percent(report.get(year + "percent")),
                        percent(report.get(year + "percentOfGoalsLaidDown"))));
            }
        }
        assertThat(rows).contains("Regiovisie 2031 2 50 % 67 %", "Uitvoeringsplan 2031 1 25 % 33 %");
        // Tabel 4.12: per year and grade n and mean.
        for (int y = 0; y < report.getList("extras.years").size(); y++) {
            String at = "extras.years[" + y + "]";
            for (int g = 0; g < report.getList(at + ".grades").size(); g++) {
                String grade = at + ".grades[" + g + "].";
                rows.add(String.join(" ", report.getString(grade + "label"), report.getString(at + ".year"),
                        report.getString(grade + "n"), report.getString(grade + "mean").replace('.', ',')));
            }
        }
        // Tabel 4.13 and 4.14 (extra questions 1 and 2) and Bijlage 2: per option and year N and percent.
        for (int y = 0; y < report.getList("extras.years").size(); y++) {
            String at = "extras.years[" + y + "]";
            for (int q = 0; q < report.getList(at + ".questions").size(); q++) {
                String question = at + ".questions[" + q + "]";
                for (int o = 0; o < report.getList(question + ".options").size(); o++) {
                    String option = question + ".options[" + o + "].";
                    Object n = report.get(option + "n");
                    rows.add(String.join(" ", report.getString(option + "label"), report.getString(at + ".year"),
                            n == null ? "–" : n.toString(), percent(report.get(option + "percent"))));
                }
            }
            // Figuur 4.12: year, n, r and p.
            rows.add(String.join(" ", report.getString(at + ".year"), report.getString(at + ".correlation.n"),
                    dutch(report.get(at + ".correlation.r")), dutch(report.get(at + ".correlation.p"))));
        }
        assertThat(rows).hasSizeGreaterThan(20);
        assertThat(rows).allSatisfy(row -> assertThat(text).contains(AccessiblePdf.unbroken(row)));
        assertThat(text).contains("Tabel 4.13: Heeft u als gemeente cijfers", "Tabel 4.14: Heeft u specifiek beleid");
        assertThat(text).contains("Inhoudsopgave", "Methode", "scoringsregels versie", "Pagina 1 van ");

        // Figuur 4.12 drawn as a scatter beside n, r and p: its caption in the text, its points (as the JSON's
        // correlation.points) per grade in its alternative text; a coordinator's report leaves it out and says so.
        assertThat(text).contains("Figuur 4.12: huidig rapportcijfer tegen totaalscore, per gemeente");
        assertThat(figureAlternativeTexts(pdf)).anySatisfy(alt -> assertThat(alt).contains("Spreidingsdiagram",
                "2031 (n 4, r 0,97, p 0,03): cijfer 2: 0,0; cijfer 6: 36,25; cijfer 7: 55,63; cijfer 8: 80,0",
                "2030 (n 2, "));
        String coordinators = AccessiblePdf.text(given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/reports/yearly?year=2031&region=Groningen&format=pdf").then().statusCode(200).extract()
                .asByteArray());
        assertThat(coordinators).contains("Het spreidingsdiagram van Figuur 4.12 toont afzonderlijke gemeenten")
                .doesNotContain("Figuur 4.12: huidig rapportcijfer tegen totaalscore, per gemeente");
    }

    /** The alternative texts of the PDF's Figure structure elements (its charts). */
    private static List<String> figureAlternativeTexts(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> alts = new java.util.ArrayList<>();
            collectFigureAlts(document.getDocumentCatalog().getStructureTreeRoot().getKids(), alts);
            return alts;
        }
    }

    private static void collectFigureAlts(List<Object> kids, List<String> alts) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType()) && e.getAlternateDescription() != null) {
                    alts.add(e.getAlternateDescription());
                }
                collectFigureAlts(e.getKids(), alts);
            }
        }
    }

    private static String percent(Object value) {
        return value == null ? "–" : ((Number) value).intValue() + " %";
    }

    /**
     * The factsheet is the card as a PDF/UA-1 document: for A's respondent, every goal's row holds the card's JSON
     * numbers (the withheld means as "–"); an analyst's factsheet shows the means.
     */
    @Test
    void the_factsheet_is_a_pdf_ua_document_with_the_numbers_of_the_card() throws Exception {
        String path = "/api/municipalities/" + A + "/card?year=2031";
        for (String token : List.of(TestTokens.respondent(A), TestTokens.analyst())) {
            byte[] pdf = given().auth().oauth2(token).accept("application/pdf").get(path).then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            String text = AccessiblePdf.text(pdf);
            JsonPath card = given().config(RestAssured.config().jsonConfig(
                            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                    .auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
            assertThat(text).contains("Factsheet Westerwolde 2031");
            for (int g = 0; g < card.getList("goals").size(); g++) {
                String at = "goals[" + g + "].";
                String row = String.join(" ", card.getString(at + "goal") + ". " + card.getString(at + "title"),
                        dutch(card.get(at + "points")), percent(card.get(at + "percent")),
                        band(card.getString(at + "band")), dutch(card.get(at + "change")),
                        dutch(card.get(at + "sizeClassMean")), dutch(card.get(at + "regionMean")),
                        dutch(card.get(at + "countryMean")));
                assertThat(text).as("goal %d", g + 1).contains(AccessiblePdf.unbroken(row));
                for (String component : List.of("borging", "inhoud", "bereik")) {
                    String parts = String.join(" ", card.getString(at + "goal") + " " + component,
                            dutch(card.get(at + component)), dutch(card.get(at + "previousParts." + component)),
                            dutch(card.get(at + "sizeClassParts." + component)),
                            dutch(card.get(at + "regionParts." + component)),
                            dutch(card.get(at + "countryParts." + component)));
                    assertThat(text).as("goal %d %s", g + 1, component).contains(parts);
                }
            }
        }
        // Goal 1's borging: A 25, 2030 15; size class and region withheld from A's respondent; the country 13.8.
        byte[] respondents = given().auth().oauth2(TestTokens.respondent(A)).get(path + "&format=pdf").then()
                .statusCode(200).extract().asByteArray();
        assertThat(AccessiblePdf.text(respondents)).contains("1 borging 25,0 15,0 – – 13,8", "1 bereik 20,0 10,0 – – 11,3");
        try (PDDocument document = Loader.loadPDF(respondents)) {
            assertThat(document.getNumberOfPages()).as("a factsheet of one or two pages").isBetween(1, 2);
        }
        assertThat(AccessiblePdf.text(given().auth().oauth2(TestTokens.analyst()).get(path + "&format=pdf").then()
                .statusCode(200).extract().asByteArray())).contains("1. Screening en hulp voor zwangere vrouwen in "
                + "hoog-risicosituaties 72,5 73 % oranje 47,5 31,3 31,3 48,4");
    }

    /** The region report is the region view as a PDF/UA-1 document: every municipality's row as its JSON gives it. */
    @Test
    void the_region_report_is_a_pdf_ua_document_with_the_numbers_of_the_region_view() throws Exception {
        String path = "/api/regions/Groningen/municipalities?year=2031";
        String coordinator = TestTokens.coordinator("Groningen");
        String text = AccessiblePdf.text(given().auth().oauth2(coordinator).accept("application/pdf").get(path).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray());
        JsonPath view = given().config(RestAssured.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(coordinator).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(text).contains("Regiorapport Groningen 2031", "3 van de 10 gemeenten");
        List<Map<String, Object>> rows = view.getList("municipalities");
        assertThat(rows).hasSize(10);
        for (Map<String, Object> row : rows) {
            String expected = String.join(" ", row.get("name") + " (" + row.get("municipality") + ")",
                    String.valueOf(row.get("sizeClass")), dutch(row.get("total")), band((String) row.get("band")),
                    row.get("goalsAnswered") == null ? "–" : String.valueOf(row.get("goalsAnswered")),
                    row.get("previousYear") == null ? "–" : String.valueOf(row.get("previousYear")),
                    dutch(row.get("previousTotal")), dutch(row.get("change")));
            assertThat(text).as((String) row.get("name")).contains(AccessiblePdf.unbroken(expected));
        }
        assertThat(text).contains("Westerwolde (GM1950) 2 36,25 oranje 2 2030 15,0 21,25 hoger");
        given().auth().oauth2(TestTokens.coordinator("IJsselland")).accept("application/pdf").get(path).then()
                .statusCode(403);

        // The region against the nation, 2031. Groningen: A 36.25, B 55.625, C 0 -> 30.625 -> 30.6 (n 3); goal 1
        // A 72.5, B 21.25, C 0 -> 31.25 -> 31.3; goal 2 A 0, B 90 (n 2 < k: withheld from the coordinator, 45.0).
        // The nation adds D (80; goal 1 100; goal 2 60): 42.97 -> 43.0, 48.4, 50.0 (n 3) — one municipality outside
        // the region, fewer than k: withheld from the coordinator, count and all; an analyst sees everything.
        assertThat(view.getList("comparison.goals")).hasSize(10);
        assertThat(view.getInt("comparison.total.regionN")).isEqualTo(3);
        assertThat(view.getDouble("comparison.total.regionMean")).isEqualTo(30.6);
        assertThat(view.getString("comparison.total.nationN")).isNull();
        assertThat(view.getString("comparison.total.nationMean")).isNull();
        assertThat(view.getBoolean("comparison.total.nationMeanSuppressed")).isTrue();
        assertThat(view.getString("comparison.goals[1].line.regionMean")).isNull();
        assertThat(view.getBoolean("comparison.goals[1].line.regionMeanSuppressed")).isTrue();
        assertThat(text).contains("De regio en Nederland", "Totaalscore 3 30,6 – –",
                "1. Screening en hulp voor zwangere vrouwen in hoog-risicosituaties 3 31,3 – –");
        JsonPath analysts = analyst(path);
        assertThat(analysts.getDouble("comparison.total.nationMean")).isEqualTo(43.0);
        assertThat(analysts.getInt("comparison.total.nationN")).isEqualTo(4);
        assertThat(analysts.getDouble("comparison.goals[0].line.regionMean")).isEqualTo(31.3);
        assertThat(analysts.getDouble("comparison.goals[0].line.nationMean")).isEqualTo(48.4);
        assertThat(analysts.getDouble("comparison.goals[1].line.regionMean")).isEqualTo(45.0);
        assertThat(analysts.getDouble("comparison.goals[1].line.nationMean")).isEqualTo(50.0);
        assertThat(AccessiblePdf.text(given().auth().oauth2(TestTokens.analyst()).get(path + "&format=pdf").then()
                .statusCode(200).extract().asByteArray())).contains("Totaalscore 3 30,6 4 43,0",
                "1. Screening en hulp voor zwangere vrouwen in hoog-risicosituaties 3 31,3 4 48,4");
    }

    private static String dutch(Object number) {
        return number == null ? "–" : number.toString().replace('.', ',');
    }

    private static String band(String band) {
        return band == null ? "–" : switch (band) {
            case "GREEN" -> "groen";
            case "ORANGE" -> "oranje";
            default -> "rood";
        };
    }

    @Test
    void an_unsupported_accept_answers_406_as_a_problem() {
        given().auth().oauth2(TestTokens.analyst()).accept("application/pdf")
                .get("/api/reports/goal-scores?" + YEARS).then().statusCode(406)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(406));
        given().auth().oauth2(TestTokens.analyst()).accept("text/csv").get("/api/reports/yearly?" + YEARS).then()
                .statusCode(406);
        given().auth().oauth2(TestTokens.analyst()).get("/api/reports/yearly?format=csv&" + YEARS).then()
                .statusCode(422).body("errors[0].field", equalTo("format"));
        given().auth().oauth2(TestTokens.analyst()).accept("application/pdf").get("/api/reports/yearly?year=20x7")
                .then().statusCode(422).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/reports/goal-scores?format=pdf&" + YEARS).then()
                .statusCode(422).body("errors[0].field", equalTo("format"));
    }

    @Test
    void access_follows_the_roles() {
        // Respondents: their own card only.
        given().auth().oauth2(TestTokens.respondent(A)).get("/api/reports/goal-scores?year=2031").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.respondent(A)).get("/api/municipalities/" + D + "/card?year=2031").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.respondent(A)).get("/api/regions/Groningen/municipalities?year=2031").then()
                .statusCode(403);
        // Coordinators: their region's reports, cards and view; not national, not another region.
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/reports/goal-scores?year=2031").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/reports/goal-scores?year=2031&region=IJsselland").then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/reports/distribution?year=2031&region=Groningen").then().statusCode(200);
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/municipalities/" + D + "/card?year=2031")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("IJsselland")).get("/api/municipalities/" + D + "/card?year=2031")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.coordinator("IJsselland"))
                .get("/api/regions/Groningen/municipalities?year=2031").then().statusCode(403);
        given().get("/api/reports/goal-scores?year=2031").then().statusCode(401);
    }

    @Test
    void bad_parameters_answer_422_naming_the_field() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/reports/goal-scores").then().statusCode(422)
                .body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/reports/measures?year=2031&compareWith=2032").then()
                .statusCode(422).body("errors[0].field", equalTo("compareWith"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/reports/measures?year=2031&sizeClass=6").then()
                .statusCode(422).body("errors[0].field", equalTo("sizeClass"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/" + A + "/card?year=2031&components=x")
                .then().statusCode(422).body("errors[0].field", equalTo("components"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/" + A + "/card?year=2029").then()
                .statusCode(404);
    }

    @Test
    void a_rebuild_from_both_topics_gives_the_same_reports() {
        List<String> paths = List.of("/api/reports/goal-scores?" + YEARS, "/api/reports/measures?" + YEARS,
                "/api/reports/extras?" + YEARS, "/api/municipalities/" + A + "/card?year=2031");
        List<String> before = paths.stream().map(p -> given().auth().oauth2(TestTokens.analyst()).get(p).then()
                .statusCode(200).extract().asString()).toList();
        // Damage both read models, then rebuild.
        ScoreEvents.execute("DELETE FROM reporting.municipality_submission WHERE municipality = ?", B);
        ScoreEvents.execute("UPDATE reporting.municipality_goal_score SET total = 0 WHERE municipality = ?", D);
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/read-model/rebuild").then().statusCode(200)
                .body("topics.topic", org.hamcrest.Matchers.contains("score-computed", "survey-submitted"));
        List<String> after = paths.stream().map(p -> given().auth().oauth2(TestTokens.analyst()).get(p).then()
                .statusCode(200).extract().asString()).toList();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_poison_survey_submitted_goes_to_its_dead_letter_topic_and_the_consumer_goes_on() {
        try (TopicReader deadLetters = new TopicReader("reporting-service.survey-submitted.dlq")) {
            EventPublisher.shared().send(EventType.SURVEY_SUBMITTED.topic(), "GM0765", "{not json");
            publish(submission("GM0765", 2029, 1, null, goal(1, INCLUDED, false, false, null)));
            List<String> reasons = deadLetters.await(r -> "GM0765".equals(r.key()), 1, Duration.ofSeconds(30))
                    .stream().map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(),
                            StandardCharsets.UTF_8)).toList();
            assertThat(reasons.get(0)).startsWith("malformed JSON");
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT 1 FROM reporting.submission_goal "
                    + "WHERE municipality = 'GM0765' AND year = 2029 AND inclusion = 'INCLUDED'").size() == 1);
        }
    }
}
