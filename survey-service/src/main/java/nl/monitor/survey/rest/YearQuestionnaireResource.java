package nl.monitor.survey.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.Component;
import nl.monitor.domain.scoring.ScoringRules;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.survey.Wave;
import nl.monitor.survey.wave.WaveService;
import nl.monitor.survey.wave.WaveView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a respondent fills in for a year, readable by every signed-in user (the admin API of the waves is not): the
 * waves with their window, and per year the questionnaire version of its wave with the scale and bands of the
 * wave's scoring rules, so that the web app renders the questions, maxima and bands from data.
 */
@Path("/api")
@Authenticated
@Tag(name = "Questionnaire", description = "The ten goals with their questions and options")
@SecurityRequirement(name = "bearer")
public class YearQuestionnaireResource {

    /** A wave as respondents see it: no audit fields (who opened, closed or reopened it, and why). */
    public record PublicWave(int year, int questionnaireVersion, int rulesVersion, Instant openFrom,
                             Instant openUntil, Wave.Status status, boolean acceptingNow) {

        static PublicWave of(WaveView wave) {
            return new PublicWave(wave.year(), wave.questionnaireVersion(), wave.rulesVersion(), wave.openFrom(),
                    wave.openUntil(), wave.status(), wave.acceptingNow());
        }
    }

    /** The points a goal's parts can earn and the band limits, from the scoring rules. */
    public record Scale(int rulesVersion, double borging, double inhoud, double bereik, double goal,
                        double redBelow, double greenAbove) {

        static Scale of(ScoringRules rules) {
            return new Scale(rules.version(), rules.maximum(Component.BORGING), rules.maximum(Component.INHOUD),
                    rules.maximum(Component.BEREIK), rules.goalMaximum(), rules.bands().redBelow(),
                    rules.bands().greenAbove());
        }
    }

    /** The year's questionnaire: its wave (null for a year without one), the questionnaire, the scale. */
    public record YearQuestionnaire(int year, PublicWave wave, Questionnaire questionnaire, Scale scale) {
    }

    private final WaveService waves;

    public YearQuestionnaireResource(WaveService waves) {
        this.waves = waves;
    }

    @GET
    @Path("/waves")
    @Operation(operationId = "listWaves", summary = "Every wave, the newest year first: versions, window, status, whether it takes answers now")
    public List<PublicWave> waves() {
        return waves.list().stream().map(PublicWave::of).toList();
    }

    @GET
    @Path("/years/{year}/questionnaire")
    @Operation(operationId = "getYearQuestionnaire", summary = "The questionnaire a year is filled in with, and its scale",
            description = "The questionnaire version and scoring rules of the year's wave; a year without a wave "
                    + "(taken as before waves existed) the latest questionnaire and its latest rules.")
    public YearQuestionnaire questionnaire(@PathParam("year") int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "out-of-range", "year must be between 2000 and 2100");
        }
        Optional<WaveView> wave = waves.find(year);
        Questionnaire questionnaire = wave.map(w -> Questionnaires.version(w.questionnaireVersion()))
                .orElseGet(Questionnaires::latest);
        ScoringRules rules = wave.map(w -> ScoringRulesCatalog.version(w.rulesVersion()))
                .or(() -> ScoringRulesCatalog.latestFor(questionnaire.version()))
                .orElseThrow(() -> new IllegalStateException("No scoring rules for questionnaire v"
                        + questionnaire.version()));
        return new YearQuestionnaire(year, wave.map(PublicWave::of).orElse(null), questionnaire, Scale.of(rules));
    }
}
