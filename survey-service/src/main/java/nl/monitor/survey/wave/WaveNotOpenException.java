package nl.monitor.survey.wave;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/**
 * A submission, draft or import for a year whose wave does not take it now: 409 with the problem type
 * {@code wave-not-open}, so a client can tell it from a draft's version conflict.
 */
public class WaveNotOpenException extends ClientErrorException {

    public WaveNotOpenException(String message) {
        super(message, Response.Status.CONFLICT);
    }
}
