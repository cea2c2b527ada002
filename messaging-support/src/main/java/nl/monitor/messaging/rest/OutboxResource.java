package nl.monitor.messaging.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import nl.monitor.messaging.ParkedRows;
import nl.monitor.messaging.ParkedRows.ParkedRow;
import nl.monitor.rest.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/admin/outbox/parked")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Outbox", description = "Outbox rows Kafka refused for good")
@SecurityRequirement(name = "bearer")
public class OutboxResource {

    private final ParkedRows parked;

    public OutboxResource(ParkedRows parked) {
        this.parked = parked;
    }

    @GET
    @Operation(operationId = "listParkedOutboxRows", summary = "List the parked outbox rows with the reason Kafka refused them")
    public List<ParkedRow> list() {
        return parked.list();
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryParkedOutboxRow", summary = "Put a parked row back in line (after raising a limit, say)",
            description = "Recorded in the audit trail (outbox.requeued) in the same transaction.")
    public ParkedRow retry(@PathParam("id") long id) {
        return parked.retry(id).orElseThrow(() -> new NotFoundException("No parked outbox row " + id));
    }
}
