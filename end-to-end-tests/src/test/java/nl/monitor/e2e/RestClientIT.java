package nl.monitor.e2e;

import nl.monitor.client.notification.api.SubscriptionsApi;
import nl.monitor.client.notification.model.SubscriptionChange;
import nl.monitor.client.notification.model.SubscriptionView;
import nl.monitor.client.notification.model.WebhookTestResult;
import nl.monitor.client.reporting.api.MunicipalityScoresApi;
import nl.monitor.client.reporting.api.MunicipalityViewsApi;
import nl.monitor.client.reporting.model.MunicipalityCard;
import nl.monitor.client.reporting.model.MunicipalityScoreView;
import nl.monitor.client.scoring.api.ScoresApi;
import nl.monitor.client.scoring.model.ScoreView;
import nl.monitor.client.survey.ApiException;
import nl.monitor.client.survey.api.DraftsApi;
import nl.monitor.client.survey.api.IndicatorsApi;
import nl.monitor.client.survey.api.SubmissionsApi;
import nl.monitor.client.survey.model.DraftRequest;
import nl.monitor.client.survey.model.DraftSubmitted;
import nl.monitor.client.survey.model.DraftView;
import nl.monitor.client.survey.model.FieldError;
import nl.monitor.client.survey.model.Imported;
import nl.monitor.client.survey.model.Preview;
import nl.monitor.client.survey.model.Problem;
import nl.monitor.client.survey.model.SubmissionRequest;
import nl.monitor.client.survey.model.SubmissionView;
import nl.monitor.client.survey.model.SubmitDraftRequest;
import nl.monitor.demo.DemoIndicators;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The platform as a municipality's case system and a region's coordinator use it: every call through the generated
 * client of {@code api-client} (strict: a response field the document lacks fails the call, see {@link Clients}).
 * A draft saved, read back, previewed and submitted, then its score read from the scoring- and reporting-service and
 * on the municipality's card; a submission retried with the same {@code Idempotency-Key} stored once; an invalid
 * one answered 422 with its field named in the problem document; the demo indicator figures imported as a CSV table
 * (as the local run's demo loader does); a webhook subscription created, tested, changed
 * and deleted. Amsterdam (GM0363) in the years 2081 and 2082 is this test's own.
 */
class RestClientIT {

    private static final String CODE = "GM0363";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SECRET = "rest-client-webhook-secret";

    private static Platform platform;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startPlatform() throws Exception {
        receiver = new WebhookReceiver(Platform.freePort(), SECRET, call -> { });
        platform = RunningPlatform.get();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** The demo's failing assessment (goal 1: 5 points; goal 7: 35), for this test's municipality and year. */
    private static SubmissionRequest assessment(int year) throws Exception {
        return Clients.read(Files.readString(RunningPlatform.ROOT.resolve("local-run/demo/failing-assessment.json"))
                .replace("GM0014", CODE).replace("\"year\": 2017", "\"year\": " + year), SubmissionRequest.class);
    }

    @Test
    void a_draft_is_saved_previewed_and_submitted_and_its_score_read_back_through_the_generated_client()
            throws Exception {
        String respondent = TestTokens.respondent(CODE);
        DraftsApi drafts = new DraftsApi(Clients.survey(platform, respondent));
        SubmissionRequest answers = assessment(2081);
        DraftRequest draft = new DraftRequest().version(0).questionnaireVersion(1).goals(answers.getGoals());

        DraftView saved = drafts.saveDraft(CODE, 2081, draft);
        assertThat(saved.getVersion()).isEqualTo(1);
        assertThat(drafts.getDraft(CODE, 2081).getGoals()).hasSize(2);
        Preview preview = drafts.previewScore(CODE, 2081, draft);
        assertThat(preview.getTotal()).isEqualTo(20.0);   // goal 1: 5, goal 7: 15 + 5 + 15 = 35; 40 / 2

        DraftSubmitted submitted = drafts.submitDraft(CODE, 2081, new SubmitDraftRequest().version(saved.getVersion()));
        assertThat(submitted.getSubmission().getVersion()).isEqualTo(1);
        assertThat(submitted.getSubmission().getMunicipality()).isEqualTo(CODE);

        ScoresApi scoring = new ScoresApi(Clients.scoring(platform, respondent));
        ScoreView scored = Awaitility.await("the scoring-service's score").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Clients.orNull(() -> scoring.getCurrentScore(CODE, 2081)), Objects::nonNull);
        assertThat(scored.getTotal()).isEqualTo(preview.getTotal());

        MunicipalityScoresApi reporting = new MunicipalityScoresApi(Clients.reporting(platform, respondent));
        MunicipalityScoreView reported = Awaitility.await("the reporting-service's score").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Clients.orNull(() -> reporting.getMunicipalityScore(CODE, 2081)), Objects::nonNull);
        assertThat(reported.getTotal()).isEqualTo(20.0);
        assertThat(reported.getSubmissionVersion()).isEqualTo(1);
        MunicipalityCard card = new MunicipalityViewsApi(Clients.reporting(platform, respondent))
                .getMunicipalityCard(CODE, null, null, "2081");
        assertThat(card.getTotal().getPoints()).isEqualTo(20.0);
    }

    @Test
    void a_submission_retried_with_the_same_idempotency_key_is_stored_once() throws Exception {
        SubmissionsApi submissions = new SubmissionsApi(Clients.survey(platform, TestTokens.respondent(CODE)));
        String key = "rest-client-it-" + UUID.randomUUID();

        SubmissionView first = submissions.submitAssessment(assessment(2082), key);
        SubmissionView retried = submissions.submitAssessment(assessment(2082), key);

        assertThat(retried.getId()).isEqualTo(first.getId());
        assertThat(retried.getVersion()).isEqualTo(first.getVersion()).isEqualTo(1);
        assertThat(submissions.listSubmissions(CODE, 2082)).hasSize(1);
    }

    @Test
    void an_invalid_assessment_answers_422_and_the_problem_document_names_the_field() throws Exception {
        SubmissionsApi submissions = new SubmissionsApi(Clients.survey(platform, TestTokens.respondent(CODE)));
        SubmissionRequest invalid = Clients.read(Clients.tree(assessment(2082)).toString()
                .replace("youth-health-care", "no-such-option"), SubmissionRequest.class);

        ApiException refused = catchThrowableOfType(() -> submissions.submitAssessment(invalid, null),
                ApiException.class);

        assertThat(refused.getCode()).isEqualTo(422);
        Problem problem = Clients.read(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getErrors()).extracting(FieldError::getField)
                .contains("goals[1].inhoud.categories[0].options[0].option");
    }

    @Test
    void the_demo_indicator_figures_import_as_a_table_through_the_generated_client() throws Exception {
        // text/csv as the local run's demo loader sends it: Dutch dialect, UTF-8 (Fryslân), all or none.
        Imported imported = new IndicatorsApi(Clients.survey(platform, TestTokens.admin()))
                .importIndicatorFigures(DemoIndicators.csv());

        assertThat(imported.getFigures()).isEqualTo(624);
        assertThat(imported.getStored() + imported.getUnchanged()).isEqualTo(624);
    }

    @Test
    void a_coordinator_creates_tests_changes_and_deletes_a_webhook_subscription() throws Exception {
        SubscriptionsApi subscriptions = new SubscriptionsApi(Clients.notification(platform,
                TestTokens.coordinator("Zeeland")));
        SubscriptionView created = Clients.subscribeWebhook(platform, "Zeeland", receiver.url(), SECRET,
                "rest client test");
        try {
            assertThat(subscriptions.listSubscriptions("Zeeland")).extracting(SubscriptionView::getId)
                    .contains(created.getId());
            WebhookTestResult test = subscriptions.testWebhook(created.getId());
            assertThat(test.getDelivered()).isTrue();
            assertThat(test.getHttpStatus()).isBetween(200, 299);
            assertThat(receiver.calls()).anySatisfy(call -> assertThat(call.signatureValid()).isTrue());

            SubscriptionView changed = subscriptions.updateSubscription(created.getId(),
                    new SubscriptionChange().description("rest client test, changed"));
            assertThat(changed.getDescription()).isEqualTo("rest client test, changed");
        } finally {
            subscriptions.deleteSubscription(created.getId());
        }
        assertThat(Clients.status(() -> subscriptions.getSubscription(created.getId()))).isEqualTo(404);
    }
}
