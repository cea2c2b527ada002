package nl.monitor.survey.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/questionnaire")
@Authenticated
@Tag(name = "Questionnaire", description = "The ten goals with their questions and options")
@SecurityRequirement(name = "bearer")
public class QuestionnaireResource {

    @GET
    @Operation(operationId = "getLatestQuestionnaire", summary = "The latest questionnaire: the ten goals, their measure categories and options, the extra questions")
    public Questionnaire latest() {
        return Questionnaires.latest();
    }

    @GET
    @Path("/{version}")
    @Operation(operationId = "getQuestionnaireVersion", summary = "One version of the questionnaire")
    public Questionnaire version(@PathParam("version") int version) {
        if (!Questionnaires.exists(version)) {
            throw new NotFoundException("No questionnaire version " + version);
        }
        return Questionnaires.version(version);
    }
}
