package nl.monitor.scoring;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.plan.MunicipalPlan.GoalTarget;
import nl.monitor.scoring.plan.TargetWatch;
import nl.monitor.scoring.service.ScoringService;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TopicReader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan and a result of one municipality arriving at once (as on two instances, whose partitions of the two topics
 * differ): the plan's transaction waits for the score's to end and is then held against the score, so the missed
 * target is published. Without the municipality's targets held in one order the plan would see no score, the score no
 * plan, and nothing would be published. Year 2078 and Borger-Odoorn (GM1681) are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class TargetsHeldInOneOrderTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String BORGER_ODOORN = "GM1681";
    private static final int YEAR = 2078;

    @Inject
    ScoringService scoring;

    @Inject
    TargetWatch targets;

    @Inject
    AgroalDataSource dataSource;

    private final EventCodec codec = new EventCodec();

    @Test
    void a_plan_arriving_while_a_score_is_stored_waits_for_it_and_holds_it_against_its_target() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch scored = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TopicReader crossed = new TopicReader(EventType.THRESHOLD_CROSSED.topic())) {
            Future<?> scoreTransaction = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                scoring.handle(CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", BORGER_ODOORN,
                        new SurveySubmitted(UUID.randomUUID(), BORGER_ODOORN, YEAR, 1, 1, Instant.now(),
                                Answers.orange(), null)));                               // goal 10 scores 0
                scored.countDown();
                awaitOrFail(release);
            }));
            assertThat(scored.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the score stored").isTrue();

            MunicipalPlanPublished plan = new MunicipalPlanPublished(UUID.randomUUID(), BORGER_ODOORN, 1,
                    List.of(new GoalTarget(10, YEAR, new BigDecimal("25"))), List.of(), List.of(), 1, Instant.now(),
                    "respondent-gm1681");
            Future<?> planTransaction = pool.submit(() -> QuarkusTransaction.requiringNew().run(() ->
                    targets.planPublished(UUID.randomUUID().toString(), plan)));

            Awaitility.await("the plan's transaction waits for the score's").atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(50)).until(() -> advisoryLocksWaitedFor() > 0);
            assertThat(planTransaction.isDone()).isFalse();

            release.countDown();
            scoreTransaction.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            planTransaction.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

            ThresholdCrossed crossing = codec.<ThresholdCrossed>decode(crossed.await(r -> r.key().equals(BORGER_ODOORN)
                    && r.value().contains("threshold-crossed.v3"), 1, DEADLINE).get(0).value(),
                    EventType.THRESHOLD_CROSSED).data();
            assertThat(crossing.target().status()).isEqualTo(ThresholdCrossed.TargetStatus.MISSED);
            assertThat(crossing.target().goal()).isEqualTo(10);
            assertThat(crossing.target().year()).isEqualTo(YEAR);
            assertThat(crossing.target().result()).isEqualByComparingTo("0");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private long advisoryLocksWaitedFor() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within " + DEADLINE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
