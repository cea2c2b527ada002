package nl.monitor.survey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The contact registry: coordinators maintain their region's municipalities, admins all, respondents read their own;
 * bad input is 422 naming each field; each change is audited. GM0014 and GM0047 are this test's municipalities.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ContactResourceTest {

    @RegisterExtension
    final AuditLogLines auditLines = new AuditLogLines();

    private static Response put(String token, String municipality, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/municipalities/" + municipality + "/contacts");
    }

    @Test
    void the_coordinator_of_the_region_maintains_the_contacts_and_each_change_is_audited() {
        String groningen = TestTokens.coordinator("Groningen");
        put(groningen, "GM0014", """
                {"contacts": [{"name": "J. de Vries", "email": "J.deVries@Groningen.example", "role": "beleid jeugd"},
                              {"name": "K. Smit", "email": "k.smit@groningen.example"}]}""")
                .then().statusCode(200).body("municipality", equalTo("GM0014")).body("name", equalTo("Groningen"))
                .body("region", equalTo("Groningen"))
                .body("contacts.email", containsInAnyOrder("j.devries@groningen.example", "k.smit@groningen.example"))
                .body("contacts.updatedBy", containsInAnyOrder("coordinator-groningen", "coordinator-groningen"));
        assertThat(auditLines.lines()).anySatisfy(line -> assertThat(line).contains("AUDIT action=contact.changed",
                "subject=municipality/GM0014/contacts", "by=coordinator-groningen", "from=",
                "added=j.devries@groningen.example,k.smit@groningen.example changed= removed="));

        auditLines.clear();
        put(TestTokens.admin(), "GM0014", """
                {"contacts": [{"name": "J. de Vries", "email": "j.devries@groningen.example", "role": "beleid jeugd"},
                              {"name": "L. Mulder", "email": "l.mulder@groningen.example"}]}""")
                .then().statusCode(200).body("contacts", hasSize(2));
        assertThat(auditLines.lines()).anySatisfy(line -> assertThat(line).contains("action=contact.changed",
                "by=admin", "added=l.mulder@groningen.example changed= removed=k.smit@groningen.example"));

        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/municipalities/GM0014/contacts").then()
                .statusCode(200).body("contacts.email",
                        containsInAnyOrder("j.devries@groningen.example", "l.mulder@groningen.example"));
        given().auth().oauth2(groningen).get("/api/municipalities/GM0014/contacts").then().statusCode(200);
    }

    @Test
    void another_region_respondents_and_analysts_may_not_change_them() {
        String body = "{\"contacts\": [{\"name\": \"X\", \"email\": \"x@groningen.example\"}]}";
        put(TestTokens.coordinator("Drenthe"), "GM0047", body).then().statusCode(403)
                .contentType("application/problem+json");
        put(TestTokens.respondent("GM0047"), "GM0047", body).then().statusCode(403);
        put(TestTokens.analyst(), "GM0047", body).then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0047/contacts").then().statusCode(403);
        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/municipalities/GM0047/contacts").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Drenthe")).get("/api/municipalities/GM0047/contacts").then()
                .statusCode(403);
        given().get("/api/municipalities/GM0047/contacts").then().statusCode(401);
        put(TestTokens.admin(), "GM9999", body).then().statusCode(404).contentType("application/problem+json");
        assertThat(auditLines.lines()).noneMatch(line -> line.contains("GM0047"));
    }

    @Test
    void bad_contacts_are_422_naming_each_field_and_nothing_is_stored() {
        put(TestTokens.admin(), "GM0047", "{}").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("contacts")));
        put(TestTokens.admin(), "GM0047", """
                {"contacts": [{"name": "A", "email": "a@veendam.example"},
                              {"name": "B", "email": "not-an-address"},
                              {"name": " ", "email": "A@Veendam.example"},
                              {"name": "D", "email": "d@veendam.example", "role": "%s"}]}""".formatted("x".repeat(201)))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("contacts[1].email", "contacts[2].name", "contacts[2].email",
                        "contacts[3].role"))
                .body("errors.code", containsInAnyOrder("invalid-email", "required", "duplicate", "too-long"));
        put(TestTokens.admin(), "GM0047", "{\"contacts\": \"everyone\"}").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/api/municipalities/GM0047/contacts").then().statusCode(200)
                .body("contacts", hasSize(0));
    }
}
