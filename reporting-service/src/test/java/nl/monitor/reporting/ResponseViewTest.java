package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static nl.monitor.reporting.ScoreEvents.WORKED_EXAMPLE;
import static nl.monitor.reporting.ScoreEvents.publish;
import static nl.monitor.reporting.ScoreEvents.rows;
import static nl.monitor.reporting.ScoreEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live response view of a running wave (Tabel 3.1 while it runs) and a coordinator's list of the region's
 * municipalities that have not yet submitted, over a 2043 wave (no other test uses 2043): Borsele and Goes of the 13
 * Zeeland municipalities, and Utrecht, have responded.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ResponseViewTest {

    private static final Instant MAY = Instant.parse("2043-05-01T09:00:00Z");

    @BeforeAll
    static void publishResponses() {
        publish(score("GM0654", 2043, 1, 1, MAY, WORKED_EXAMPLE));   // Borsele, class 1
        publish(score("GM0664", 2043, 1, 1, MAY, WORKED_EXAMPLE));   // Goes, class 2
        publish(score("GM0344", 2043, 1, 1, MAY, WORKED_EXAMPLE));   // Utrecht, class 5
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE year = 2043").size() == 3);
    }

    @Test
    void an_analyst_sees_the_response_per_size_class_and_per_region_by_the_years_division() {
        JsonPath response = json(TestTokens.analyst(), "/api/reports/response?year=2043");

        assertThat(response.getInt("divisionYear")).isEqualTo(2021);
        assertThat(response.getList("sizeClasses.invited", Integer.class)).containsExactly(123, 141, 56, 28, 4, 352);
        assertThat(response.getList("sizeClasses.responded", Integer.class)).containsExactly(1, 1, 0, 0, 1, 3);
        assertThat(response.getList("sizeClasses.outstanding", Integer.class))
                .containsExactly(122, 140, 56, 28, 3, 349);
        // 3 of 352 = 0.85 % -> 1 %; 1 of 4 = 25 %.
        assertThat(response.getList("sizeClasses.percent", Integer.class)).containsExactly(1, 1, 0, 0, 25, 1);
        assertThat(response.getList("regions.region")).hasSize(27);   // 26 regions and the total
        String zeeland = "regions.find { it.region == 'Zeeland' }";
        assertThat(response.getInt(zeeland + ".invited")).isEqualTo(13);
        assertThat(response.getInt(zeeland + ".responded")).isEqualTo(2);
        assertThat(response.getInt(zeeland + ".percent")).isEqualTo(15);   // 2 of 13 = 15.4 %

        // The 2017 wave invites the 388 of 1 January 2017.
        assertThat(json(TestTokens.analyst(), "/api/reports/response?year=2017").getInt("sizeClasses[5].invited"))
                .isEqualTo(388);
        String csv = given().auth().oauth2(TestTokens.analyst()).get("/api/reports/response?year=2043&format=csv")
                .then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("year,breakdown,size_class,region,label,invited,responded,outstanding,percent\r\n")
                .contains("2043,region,,Zeeland,Zeeland,13,2,11,15\r\n");
    }

    @Test
    void a_coordinator_sees_the_response_and_who_has_not_submitted_in_their_own_region_only() {
        String zeeland = TestTokens.coordinator("Zeeland");
        JsonPath response = json(zeeland, "/api/reports/response?year=2043&region=Zeeland");
        assertThat(response.getInt("sizeClasses[5].invited")).isEqualTo(13);
        assertThat(response.getInt("sizeClasses[5].responded")).isEqualTo(2);
        assertThat(response.getList("regions.label")).containsExactly("Zeeland", "Totaal");

        JsonPath outstanding = json(zeeland, "/api/regions/Zeeland/outstanding?year=2043");
        assertThat(outstanding.getInt("invited")).isEqualTo(13);
        assertThat(outstanding.getInt("responded")).isEqualTo(2);
        assertThat(outstanding.getList("outstanding.municipality", String.class)).hasSize(11)
                .doesNotContain("GM0654", "GM0664").contains("GM0677")   // Hulst has not submitted
                .isSorted();
        assertThat(given().auth().oauth2(zeeland).get("/api/regions/Zeeland/outstanding?year=2043&format=csv")
                .then().statusCode(200).extract().asString())
                .startsWith("region,year,municipality,name,size_class,inhabitants\r\n")
                .contains("Zeeland,2043,GM0677,Hulst,2,");

        // Another region's coordinator, a respondent: 403; a national response view needs region= for a coordinator.
        given().auth().oauth2(TestTokens.coordinator("Utrecht")).get("/api/regions/Zeeland/outstanding?year=2043")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Utrecht")).get("/api/reports/response?year=2043&region=Zeeland")
                .then().statusCode(403);
        given().auth().oauth2(zeeland).get("/api/reports/response?year=2043").then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0654")).get("/api/regions/Zeeland/outstanding?year=2043")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0654")).get("/api/reports/response?year=2043&region=Zeeland")
                .then().statusCode(403);
        // Analysts read every region; an unknown region is 404, a missing year 422, no token 401.
        assertThat(json(TestTokens.analyst(), "/api/regions/Utrecht/outstanding?year=2043")
                .getList("outstanding.municipality")).doesNotContain("GM0344");
        given().auth().oauth2(TestTokens.analyst()).get("/api/regions/Atlantis/outstanding?year=2043")
                .then().statusCode(404);
        given().auth().oauth2(zeeland).get("/api/regions/Zeeland/outstanding").then().statusCode(422);
        given().get("/api/regions/Zeeland/outstanding?year=2043").then().statusCode(401);
    }

    private static JsonPath json(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }
}
