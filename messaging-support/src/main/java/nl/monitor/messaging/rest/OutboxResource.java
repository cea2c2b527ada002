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
import org.jboss.logging.Logger;

import java.util.List;

@Path("/api/admin/outbox/parked")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Outbox", description = "Outbox rows Kafka refused for good")
@SecurityRequirement(name = "bearer")
public class OutboxResource {

    private static final Logger LOG = Logger.getLogger(OutboxResource.class);

    private final ParkedRows parked;
    private final Caller caller;

    public OutboxResource(ParkedRows parked, Caller caller) {
        this.parked = parked;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the parked outbox rows with the reason Kafka refused them")
    public List<ParkedRow> list() {
        return parked.list();
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Put a parked row back in line (after raising a limit, say)")
    public ParkedRow retry(@PathParam("id") long id) {
        ParkedRow row = parked.retry(id).orElseThrow(() -> new NotFoundException("No parked outbox row " + id));
        LOG.infof("AUDIT outbox row %d (event %s) put back in line by %s", id, row.eventId(), caller.name());
        return row;
    }
}
