package nl.monitor.survey.campaign;

import java.util.List;

/**
 * The whole list of a municipality's contacts, replacing the one stored (an empty list removes them all).
 *
 * @param contacts each with a name and an e-mail address, a role optional
 */
public record ContactsRequest(List<Entry> contacts) {

    /** One contact as given. */
    public record Entry(String name, String email, String role) {
    }
}
