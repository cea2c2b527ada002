package nl.monitor.messaging.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import nl.monitor.messaging.consume.DeadLetterRedrive;
import nl.monitor.messaging.consume.DeadLetterRedrive.DeadLetter;
import nl.monitor.messaging.consume.DeadLetterRedrive.Position;
import nl.monitor.messaging.consume.DeadLetterRedrive.Redriven;
import nl.monitor.messaging.consume.DeadLetterRedrive.Selection;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Path("/api/admin/dead-letters")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Dead letters", description = "Records this service could never process, and their redrive")
@SecurityRequirement(name = "bearer")
public class DeadLetterResource {

    private final DeadLetterRedrive redrive;

    public DeadLetterResource(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    /** A redrive request: the dead-letter topic, and either {@code all} or the records by partition and offset. */
    public record RedriveRequest(String topic, Boolean all, List<Position> records) {
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List the dead-lettered records with their reasons",
            description = "Every record of this service's dead-letter topics (<service>.<topic>.dlq), oldest first "
                    + "per partition, with the reason, the source topic, partition and offset, and the start of the value.")
    public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("500") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw InvalidInputException.of("limit", "out-of-range", "limit must be between 1 and 10000");
        }
        return redrive.list(limit);
    }

    @POST
    @Path("/redrive")
    @Operation(operationId = "redriveDeadLetters", summary = "Process dead-lettered records again, after a fix",
            description = "Runs the chosen records (or all of a dead-letter topic) through the same processing as the "
                    + "live consumer, as records of their source topic. Idempotent: an event already applied is a "
                    + "duplicate; a record that is still poison is reported with its reason and nothing changes. "
                    + "Recorded in the audit trail (dead-letter.redriven, with the outcomes) in the same transaction.")
    public List<Redriven> redrive(RedriveRequest request) {
        if (request == null || request.topic() == null || !redrive.topics().contains(request.topic())) {
            throw InvalidInputException.of("topic", "unknown-dead-letter-topic",
                    "topic must be one of this service's dead-letter topics: " + redrive.topics());
        }
        boolean all = Boolean.TRUE.equals(request.all());
        if (all == (request.records() != null && !request.records().isEmpty())) {
            throw InvalidInputException.of("records", "choose-records-or-all",
                    "give either \"all\": true or a non-empty list of records {partition, offset}");
        }
        Set<Position> positions = all ? null : new LinkedHashSet<>(request.records());
        return redrive.redrive(new Selection(request.topic(), positions));
    }
}
