package nl.monitor.survey.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.rest.Caller;
import nl.monitor.rest.Problem;
import nl.monitor.survey.campaign.ContactService;
import nl.monitor.survey.campaign.ContactsRequest;
import nl.monitor.survey.campaign.ContactsView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The contact registry of the campaigns: who of a municipality gets the invitations and reminders of the waves.
 * Coordinators maintain their region's municipalities, admins all; respondents may see their own municipality's.
 */
@Path("/api/municipalities/{code}/contacts")
@Tag(name = "Campaigns", description = "The contacts that get a wave's invitation and reminders, and what was sent")
@SecurityRequirement(name = "bearer")
public class ContactResource {

    private final ContactService contacts;
    private final Caller caller;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public ContactResource(ContactService contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.RESPONDENT, Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "getContacts", summary = "A municipality's contacts",
            description = "Respondents: their own municipality; coordinators: their region's; admins: all. Analysts "
                    + "do not see the contacts (personal data the reports do not need).")
    @APIResponse(responseCode = "404", description = "No such municipality",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = ContactsView.class, responseDescription = "The contacts")
    public ContactsView contacts(@PathParam("code") String code) {
        Municipality municipality = municipality(code);
        caller.requireReaderOf(code);
        return contacts.view(municipality);
    }

    @PUT
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "replaceContacts", summary = "Replace a municipality's contacts",
            description = "The whole list (an empty list removes every contact). Addresses are stored in lower case; "
                    + "one address once per municipality. Coordinators: the municipalities of their region; admins: "
                    + "all. Each change is audited (contact.changed).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "policy officer", value = """
            {"contacts": [{"name": "J. de Vries", "email": "j.devries@groningen.example.nl",
              "role": "beleidsmedewerker jeugd"}]}""")))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new list")
    @APIResponse(responseCode = "422", description = "A field is missing or wrong (contacts[i].email, ...); each is "
            + "named, nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the coordinator of the municipality's region, nor an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactsView replace(@PathParam("code") String code, ContactsRequest request) {
        Municipality municipality = municipality(code);
        caller.requireRegion(municipality.region());
        return contacts.replace(municipality, request, caller.name());
    }

    private Municipality municipality(String code) {
        return municipalities.municipality(code).orElseThrow(() -> new NotFoundException("No municipality " + code));
    }
}
