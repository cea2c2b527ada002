package nl.monitor.survey;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.survey.campaign.CampaignMail;
import nl.monitor.survey.campaign.CampaignRound;
import nl.monitor.survey.repository.CampaignMessageRepository;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.SmtpServer;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static nl.monitor.survey.SubmissionResourceTest.assessment;
import static nl.monitor.survey.WaveResourceTest.wave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

/**
 * A wave's campaign over real SMTP (GreenMail): the invitation and two reminders go once each to the contacts of the
 * municipalities that have not submitted, also when rounds run again (a restart) or at the same moment (two
 * instances), and a mail the server could not take goes out once it is back. Rounds run at instants the test chooses
 * ({@link CampaignRound#run(int, Instant)}); the years 2066-2068 and the municipalities GM0059, GM0072 and GM0074 are
 * this test's own (another test's submission or contact there would change what is sent).
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
@QuarkusTestResource(SmtpServer.class)
class CampaignTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant OPEN_FROM = NOW.minus(1, ChronoUnit.HOURS);
    private static final Set<String> OURS = Set.of("GM0074", "GM0072", "GM0059");

    @Inject
    CampaignRound round;

    @Inject
    MeterRegistry registry;

    @Inject
    CampaignMessageRepository messages;

    /** One mail as it arrived: to whom, for which wave step and municipality. */
    record Received(String to, String campaign, String municipality) {
    }

    @Test
    void invitation_and_two_reminders_go_once_each_to_the_contacts_of_municipalities_that_have_not_submitted() {
        openWave(2066);
        putContacts("GM0074", """
                {"contacts": [{"name": "A. Jansen", "email": "A.Jansen@Heerenveen.example", "role": "beleidsmedewerker"},
                              {"name": "B. Bakker", "email": "b.bakker@heerenveen.example"}]}""");
        putContacts("GM0072", """
                {"contacts": [{"name": "C. de Vries", "email": "c.devries@harlingen.example"}]}""");
        List<Received> invitations = List.of(
                new Received("a.jansen@heerenveen.example", "2066/INVITATION", "GM0074"),
                new Received("b.bakker@heerenveen.example", "2066/INVITATION", "GM0074"),
                new Received("c.devries@harlingen.example", "2066/INVITATION", "GM0072"));

        // The wave opened an hour ago: the invitation to every contact, and no second one when the round runs again.
        Instant opening = OPEN_FROM.plus(Duration.ofMinutes(30));
        round.run(2066, opening);
        assertThat(awaitMails(2066, invitations.size())).containsExactlyInAnyOrderElementsOf(invitations);
        round.run(2066, opening.plusSeconds(60));
        assertThat(mailsOf(2066)).containsExactlyInAnyOrderElementsOf(invitations);
        MimeMessage invitation = messages(2066).stream().filter(m -> to(m).startsWith("a.jansen")).findFirst()
                .orElseThrow();
        assertThat(subject(invitation)).isEqualTo("Uitnodiging Monitor Aanpak Kindermishandeling 2066: Heerenveen");
        assertThat(body(invitation)).contains("Beste A. Jansen,", "De meting 2066", "Heerenveen (GM0074)",
                "/vragenlijst/?gemeente=GM0074&jaar=2066", "U kunt de vragenlijst invullen tot ",
                "regiocoördinator van Veilig Thuis Fryslân");

        // Harlingen submits; two weeks after the opening only Heerenveen's contacts are reminded, once each also when
        // the round runs twice at the same moment.
        given().auth().oauth2(TestTokens.respondent("GM0072")).contentType(ContentType.JSON)
                .body(assessment("GM0072", 2066)).post("/api/submissions").then().statusCode(201);
        Instant firstReminder = OPEN_FROM.plus(Duration.ofDays(14)).plusSeconds(60);
        Stream.of(1, 2).map(i -> CompletableFuture.runAsync(() -> round.run(2066, firstReminder))).toList()
                .forEach(CompletableFuture::join);
        round.run(2066, firstReminder.plus(Duration.ofHours(1)));
        List<Received> firstReminders = List.of(
                new Received("a.jansen@heerenveen.example", "2066/REMINDER_1", "GM0074"),
                new Received("b.bakker@heerenveen.example", "2066/REMINDER_1", "GM0074"));
        assertThat(awaitMails(2066, 5)).containsExactlyInAnyOrderElementsOf(concat(invitations, firstReminders));

        // Four weeks after: the second (last) reminder; rounds of a "restarted" service send nothing more, also the
        // round over every open wave the schedule runs.
        Instant secondReminder = OPEN_FROM.plus(Duration.ofDays(28)).plusSeconds(60);
        round.run(2066, secondReminder);
        round.runAll(secondReminder.plus(Duration.ofMinutes(5)));
        round.run(2066, OPEN_FROM.plus(Duration.ofDays(40)));
        List<Received> secondReminders = List.of(
                new Received("a.jansen@heerenveen.example", "2066/REMINDER_2", "GM0074"),
                new Received("b.bakker@heerenveen.example", "2066/REMINDER_2", "GM0074"));
        assertThat(awaitMails(2066, 7)).containsExactlyInAnyOrderElementsOf(
                concat(invitations, firstReminders, secondReminders));
        assertThat(messages(2066).stream().map(CampaignTest::subject)).contains(
                "Herinnering Monitor Aanpak Kindermishandeling 2066: Heerenveen",
                "Laatste herinnering Monitor Aanpak Kindermishandeling 2066: Heerenveen");

        given().auth().oauth2(TestTokens.admin()).get("/api/admin/waves/2066/campaign").then().statusCode(200)
                .body("steps.step", equalTo(List.of("INVITATION", "REMINDER_1", "REMINDER_2")))
                .body("messages.findAll { it.municipality in ['GM0074', 'GM0072'] }.status.unique()",
                        equalTo(List.of("SENT")))
                .body("messages.findAll { it.municipality in ['GM0074', 'GM0072'] }.size()", equalTo(7));

        // The region's coordinator sees who of the region was invited and reminded when; nobody of another region.
        List<Map<String, Object>> fryslan = given().auth().oauth2(TestTokens.coordinator("Fryslân"))
                .get("/api/regions/{region}/campaign?year=2066", "Fryslân").then().statusCode(200)
                .body("year", equalTo(2066)).body("region", equalTo("Fryslân"))
                .extract().path("messages");
        assertThat(fryslan).filteredOn(m -> OURS.contains(m.get("municipality")))
                .extracting(m -> m.get("municipality") + " " + m.get("email") + " " + m.get("step") + " " + m.get("status"))
                .containsExactlyInAnyOrder(
                        "GM0072 c.devries@harlingen.example INVITATION SENT",
                        "GM0074 a.jansen@heerenveen.example INVITATION SENT",
                        "GM0074 a.jansen@heerenveen.example REMINDER_1 SENT",
                        "GM0074 a.jansen@heerenveen.example REMINDER_2 SENT",
                        "GM0074 b.bakker@heerenveen.example INVITATION SENT",
                        "GM0074 b.bakker@heerenveen.example REMINDER_1 SENT",
                        "GM0074 b.bakker@heerenveen.example REMINDER_2 SENT");
        assertThat(fryslan).allSatisfy(m -> assertThat(m.get("sentAt")).isNotNull());
        List<String> frysianCodes = MunicipalityDivision.shipped().inRegion("Fryslân").stream()
                .map(Municipality::code).toList();
        assertThat(fryslan).extracting(m -> (String) m.get("municipality")).allMatch(frysianCodes::contains);
        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/regions/{region}/campaign?year=2066",
                "Fryslân").then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/regions/{region}/campaign?year=2066", "Fryslân")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/regions/{region}/campaign?year=2066", "Fryslân")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.coordinator("Fryslân")).get("/api/regions/{region}/campaign?year=2099",
                "Fryslân").then().statusCode(404);
        given().auth().oauth2(TestTokens.coordinator("Fryslân")).get("/api/regions/{region}/campaign", "Fryslân")
                .then().statusCode(422).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.admin()).get("/api/regions/Atlantis/campaign?year=2066").then()
                .statusCode(404);
    }

    @Test
    void a_mail_the_server_could_not_take_goes_out_once_when_it_is_back() {
        openWave(2067);
        putContacts("GM0059", """
                {"contacts": [{"name": "D. Visser", "email": "d.visser@achtkarspelen.example"}]}""");
        Instant opening = OPEN_FROM.plus(Duration.ofMinutes(30));

        SmtpServer.takeDown();
        try {
            CampaignRound.Result down = round.run(2067, opening);
            assertThat(down.sent()).isZero();
            assertThat(down.failed()).isPositive();
            assertThat(registry.get("monitor.campaign.messages").tag("step", "INVITATION").tag("outcome", "FAILED")
                    .counter().count()).isPositive();
        } finally {
            SmtpServer.bringBack();
        }
        given().auth().oauth2(TestTokens.admin()).get("/api/admin/waves/2067/campaign").then().statusCode(200)
                .body("messages.find { it.municipality == 'GM0059' }.status", equalTo("FAILED"))
                .body("messages.find { it.municipality == 'GM0059' }.attempts", equalTo(1))
                .body("messages.find { it.municipality == 'GM0059' }.lastError", containsString("SMTP"));

        round.run(2067, opening.plusSeconds(300));
        round.run(2067, opening.plusSeconds(600));
        // the admin's "run now" sends nothing more either
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/waves/2067/campaign/run").then().statusCode(200)
                .body("year", equalTo(2067)).body("failed", equalTo(0));
        assertThat(awaitMails(2067, 1)).filteredOn(r -> r.municipality().equals("GM0059")).containsExactly(
                new Received("d.visser@achtkarspelen.example", "2067/INVITATION", "GM0059"));
        given().auth().oauth2(TestTokens.admin()).get("/api/admin/waves/2067/campaign").then().statusCode(200)
                .body("messages.find { it.municipality == 'GM0059' }.status", equalTo("SENT"))
                .body("messages.find { it.municipality == 'GM0059' }.attempts", equalTo(2));
    }

    @Test
    void of_two_instances_claiming_one_message_at_the_same_moment_exactly_one_gets_it() {
        openWave(2068);
        List<CompletableFuture<Optional<Long>>> claims = Stream.of("instance-a", "instance-b")
                .map(instance -> CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() ->
                        messages.claim(2068, "GM0059", "claim@achtkarspelen.example", "INVITATION", NOW, instance))))
                .toList();
        assertThat(claims.stream().map(CompletableFuture::join).filter(Optional::isPresent)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> messages.claim(2068, "GM0059",
                "claim@achtkarspelen.example", "INVITATION", NOW, "after-a-restart"))).isEmpty();
    }

    @SafeVarargs
    private static List<Received> concat(List<Received>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    private static void openWave(int year) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(wave(year, OPEN_FROM, NOW.plus(60, ChronoUnit.DAYS))).post("/api/admin/waves").then()
                .statusCode(201);
    }

    private static void putContacts(String municipality, String body) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .put("/api/municipalities/" + municipality + "/contacts").then().statusCode(200);
    }

    /**
     * The mails of a wave to this test's municipalities once at least {@code count} arrived, waiting up to 20 s (other
     * tests' contacts get the wave's mails too).
     */
    private static List<Received> awaitMails(int year, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsOf(year).size() >= count);
        return mailsOf(year);
    }

    private static List<Received> mailsOf(int year) {
        return messages(year).stream().map(m -> new Received(to(m), header(m, CampaignMail.CAMPAIGN_HEADER),
                header(m, CampaignMail.MUNICIPALITY_HEADER))).toList();
    }

    private static List<MimeMessage> messages(int year) {
        return new ArrayList<>(Arrays.stream(SmtpServer.received().getReceivedMessages())
                .filter(m -> header(m, CampaignMail.CAMPAIGN_HEADER).startsWith(year + "/"))
                .filter(m -> OURS.contains(header(m, CampaignMail.MUNICIPALITY_HEADER))).toList());
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, ",");
            return value == null ? "" : value;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        return header(message, "To");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
