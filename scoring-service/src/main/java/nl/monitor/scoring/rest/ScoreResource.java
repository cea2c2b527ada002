package nl.monitor.scoring.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import nl.monitor.rest.Caller;
import nl.monitor.scoring.Score;
import nl.monitor.scoring.repository.ScoreRepository;
import nl.monitor.scoring.service.ScoreView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/municipalities/{code}/scores")
@Authenticated
@Tag(name = "Scores", description = "A municipality's scores per year and their history")
@SecurityRequirement(name = "bearer")
public class ScoreResource {

    private final ScoreRepository scores;
    private final Caller caller;

    public ScoreResource(ScoreRepository scores, Caller caller) {
        this.scores = scores;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listScoreVersions", summary = "Every score of the municipality, newest first",
            description = "One entry per scored submission version; `current` marks the score that counts for its year.")
    public List<ScoreView> history(@PathParam("code") String code,
                                   @Parameter(description = "only this year") @QueryParam("year") Integer year) {
        caller.requireReaderOf(code);
        return views(year == null ? scores.history(code) : scores.history(code, year));
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getCurrentScore", summary = "The municipality's current score for a year: its ten goals with components and band")
    @APIResponse(responseCode = "404", description = "Not scored for that year")
    @APIResponseSchema(value = ScoreView.class, responseDescription = "The current score")
    public ScoreView current(@PathParam("code") String code, @PathParam("year") int year) {
        caller.requireReaderOf(code);
        return views(scores.history(code, year)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No score of " + code + " for " + year));
    }

    private List<ScoreView> views(List<Score> newestFirst) {
        List<ScoreView> views = new ArrayList<>();
        for (Score s : newestFirst) {
            boolean current = views.stream().noneMatch(seen -> seen.year() == s.year);
            views.add(new ScoreView(s.submissionId, s.municipality, s.year, s.submissionVersion, s.rulesVersion,
                    s.total, s.band, s.goalsAnswered, s.goals, s.computedAt, current));
        }
        return views;
    }
}
