package nl.monitor.survey.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.monitor.rest.Problem;
import nl.monitor.survey.wave.WaveNotOpenException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 409 of a wave that is not open, with its own problem type (a draft's version conflict is {@code conflict}). */
public class WaveProblems {

    @ServerExceptionMapper
    public Response waveNotOpen(WaveNotOpenException e, UriInfo uri) {
        Problem problem = Problem.of("wave-not-open", "The wave is not open", 409, e.getMessage(), null)
                .at(uri.getPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
