package nl.monitor.reporting.service;

import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.reporting.MunicipalityYear;
import nl.monitor.reporting.service.VersionPeek.Peeked;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A replay ranks records by what {@link VersionPeek} reads: it must read what the projections' key and rank read. */
class VersionPeekTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant AT = Instant.parse("2017-05-01T09:00:00.123456789Z");

    @Test
    void the_peek_of_a_score_reads_the_key_and_rank_the_projection_gives_its_data() {
        ScoreProjection projection = new ScoreProjection(null);
        ScoreComputed score = new ScoreComputed(UUID.randomUUID(), "GM0034", 2017, 4, 2,
                List.of(new GoalScore(1, 25, 27.5, 20, 72.5, Band.ORANGE)), 72.5, 1, Band.ORANGE, AT);
        CloudEvent<ScoreComputed> event = CloudEvent.of(EventType.SCORE_COMPUTED, "/scoring-service", "GM0034", score);

        assertThat(projection.versionPeek().read(CODEC.encode(event)))
                .isEqualTo(new Peeked(event.id(), projection.key(score), projection.rank(score)));
    }

    @Test
    void the_peek_of_a_submission_reads_the_key_and_rank_the_projection_gives_its_data() {
        SubmissionProjection projection = new SubmissionProjection(null);
        SurveySubmitted submission = new SurveySubmitted(UUID.randomUUID(), "GM0014", 2021, 1, 3, AT, List.of(),
                new ExtraAnswers(List.of(), List.of(), null, null, null, null, null, null));
        CloudEvent<SurveySubmitted> event = CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", "GM0014",
                submission);

        assertThat(projection.versionPeek().read(CODEC.encode(event)))
                .isEqualTo(new Peeked(event.id(), projection.key(submission), projection.rank(submission)));
    }

    @Test
    void fields_in_any_order_are_read_and_a_record_without_them_gives_nothing() {
        VersionPeek peek = new VersionPeek("version", null, "submittedAt");
        String reordered = """
                {"data": {"goals": [{"goal": 1, "version": 99}], "submittedAt": "2017-05-01T09:00:00Z",
                 "version": 2, "year": 2017, "municipality": "GM0014"}, "type": "x", "id": "e-1"}""";
        // the id after the data is not read: such a record is decoded whole instead
        assertThat(peek.read(reordered)).isNull();
        String idFirst = """
                {"id": "e-1", "data": {"goals": [{"goal": 1, "version": 99}], "submittedAt": "2017-05-01T09:00:00Z",
                 "version": 2, "year": 2017, "municipality": "GM0014"}}""";
        assertThat(peek.read(idFirst)).isEqualTo(new Peeked("e-1", new MunicipalityYear("GM0014", 2017),
                new VersionRank(2, 0, Instant.parse("2017-05-01T09:00:00Z"))));
        assertThat(peek.read("{\"id\": \"e-1\", \"data\": {\"municipality\": \"GM0014\", \"year\": 2017}}")).isNull();
        assertThat(peek.read("{this is not json")).isNull();
        assertThat(peek.read("[1, 2]")).isNull();
        assertThat(peek.read(null)).isNull();
    }
}
