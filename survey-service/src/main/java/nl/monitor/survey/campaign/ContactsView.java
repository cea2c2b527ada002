package nl.monitor.survey.campaign;

import java.time.Instant;
import java.util.List;

/** A municipality's contacts as the API shows them, with the region whose coordinators maintain them. */
public record ContactsView(String municipality, String name, String region, List<ContactView> contacts) {

    /** One contact, with who changed it last and when. */
    public record ContactView(String name, String email, String role, Instant updatedAt, String updatedBy) {
    }
}
