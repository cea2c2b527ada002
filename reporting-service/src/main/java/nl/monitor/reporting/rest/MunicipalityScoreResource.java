package nl.monitor.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reporting.service.MunicipalityScoreView;
import nl.monitor.reporting.service.ScoreQueries;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/municipalities/{code}/scores")
@Authenticated
@Tag(name = "Municipality scores", description = "A municipality's current score per year, with region and size class")
@SecurityRequirement(name = "bearer")
public class MunicipalityScoreResource {

    private static final String EXAMPLE = """
            {"municipality":"GM0014","name":"Groningen","region":"Groningen","sizeClass":4,
             "sizeClassLabel":"100.000 - 250.000 inwoners","year":2017,"total":36.25,"band":"ORANGE",
             "goalsAnswered":2,
             "goals":[{"goal":1,"borging":25.0,"inhoud":27.5,"bereik":20.0,"total":72.5,"band":"ORANGE"},
                      {"goal":10,"borging":0.0,"inhoud":0.0,"bereik":0.0,"total":0.0,"band":"RED"}],
             "submissionId":"5b0c8f3e-2d6a-4c57-9f0e-1f2a3b4c5d6e","submissionVersion":2,"rulesVersion":1,
             "computedAt":"2017-06-01T10:15:30Z"}""";

    private final ScoreQueries scores;
    private final Caller caller;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public MunicipalityScoreResource(ScoreQueries scores, Caller caller) {
        this.scores = scores;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listMunicipalityScores", summary = "The municipality's current score of every year, newest year first",
            description = "Per year the score of the current version of the municipality's assessment (the highest "
                    + "submission version; for that version the newest rules): total, band, goals answered and the "
                    + "goal scores, with the municipality's name, Veilig Thuis region and size class.")
    @APIResponse(responseCode = "200", description = "Every scored year; empty when none is scored yet")
    @APIResponse(responseCode = "403", description = "A respondent of another municipality, a coordinator of another region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such municipality",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<MunicipalityScoreView> scores(@PathParam("code") String code) {
        caller.requireReaderOf(code);
        requireKnown(code);
        return scores.ofMunicipality(code);
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getMunicipalityScore", summary = "The municipality's current score for one year")
    @APIResponse(responseCode = "200", description = "The current score",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = MunicipalityScoreView.class),
                    examples = @ExampleObject(name = "orange", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "A respondent of another municipality, a coordinator of another region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such municipality, or not scored for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MunicipalityScoreView score(@PathParam("code") String code, @PathParam("year") int year) {
        caller.requireReaderOf(code);
        requireKnown(code);
        return scores.ofMunicipality(code, year)
                .orElseThrow(() -> new NotFoundException("No score of " + code + " for " + year));
    }

    private void requireKnown(String code) {
        if (municipalities.municipality(code).isEmpty()) {
            throw new NotFoundException("No municipality " + code + " in the " + municipalities.year() + " division");
        }
    }
}
