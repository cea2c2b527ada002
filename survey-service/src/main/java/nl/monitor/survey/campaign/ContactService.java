package nl.monitor.survey.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.reference.Municipality;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem.FieldError;
import nl.monitor.survey.Contact;
import nl.monitor.survey.config.CampaignConfig;
import nl.monitor.survey.repository.ContactRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contact registry: each municipality's contacts, replaced as a whole list. Every change is recorded in the
 * {@link AuditTrail}, in the same transaction, as {@code contact.changed} with the addresses added, changed and
 * removed.
 */
@ApplicationScoped
public class ContactService {

    static final String AUDIT_ACTION = "contact.changed";
    private static final int MAX_TEXT_LENGTH = 200;

    private final ContactRepository contacts;
    private final AuditTrail audit;
    private final CampaignConfig config;

    public ContactService(ContactRepository contacts, AuditTrail audit, CampaignConfig config) {
        this.contacts = contacts;
        this.audit = audit;
        this.config = config;
    }

    public ContactsView view(Municipality municipality) {
        return new ContactsView(municipality.code(), municipality.name(), municipality.region(),
                contacts.ofMunicipality(municipality.code()).stream().map(c -> new ContactsView.ContactView(c.name,
                        c.email, c.role, c.updatedAt, c.updatedBy)).toList());
    }

    /**
     * Replaces the municipality's contacts with the list given; a contact whose name and role stay the same keeps its
     * last change.
     *
     * @throws InvalidInputException 422 naming every bad field ({@code contacts[1].email}, ...); nothing is changed
     */
    @Transactional
    public ContactsView replace(Municipality municipality, ContactsRequest request, String caller) {
        List<Contact> wanted = validated(municipality.code(), request);
        contacts.lockMunicipality(municipality.code());
        Map<String, Contact> stored = contacts.ofMunicipality(municipality.code()).stream()
                .collect(Collectors.toMap(c -> c.email, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Contact contact : wanted) {
            Contact old = stored.remove(contact.email);
            if (old == null) {
                contact.updatedAt = now;
                contact.updatedBy = caller;
                contacts.persist(contact);
                added.add(contact.email);
            } else if (!old.name.equals(contact.name) || !Objects.equals(old.role, contact.role)) {
                old.name = contact.name;
                old.role = contact.role;
                old.updatedAt = now;
                old.updatedBy = caller;
                changed.add(contact.email);
            }
        }
        stored.values().forEach(contacts::delete);
        List<String> removed = List.copyOf(stored.keySet());
        if (!added.isEmpty() || !changed.isEmpty() || !removed.isEmpty()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("added", String.join(",", added));
            details.put("changed", String.join(",", changed));
            details.put("removed", String.join(",", removed));
            audit.record(AUDIT_ACTION, "municipality/" + municipality.code() + "/contacts", municipality.code(),
                    details);
        }
        contacts.flush();
        return view(municipality);
    }

    private List<Contact> validated(String municipality, ContactsRequest request) {
        if (request == null || request.contacts() == null) {
            throw InvalidInputException.of("contacts", "required",
                    "the list of contacts is required (an empty list removes them all)");
        }
        List<ContactsRequest.Entry> entries = request.contacts();
        List<FieldError> problems = new ArrayList<>();
        if (entries.size() > config.maxContactsPerMunicipality()) {
            problems.add(new FieldError("contacts", "too-many", "at most " + config.maxContactsPerMunicipality()
                    + " contacts per municipality"));
        }
        List<Contact> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "contacts[" + i + "].";
            ContactsRequest.Entry entry = entries.get(i);
            if (entry == null) {
                problems.add(new FieldError("contacts[" + i + "]", "required", "a contact is required"));
                continue;
            }
            String name = text(entry.name());
            String role = text(entry.role());
            if (name == null) {
                problems.add(new FieldError(path + "name", "required", "the contact's name is required"));
            } else if (name.length() > MAX_TEXT_LENGTH) {
                problems.add(new FieldError(path + "name", "too-long", "at most " + MAX_TEXT_LENGTH + " characters"));
            }
            if (role != null && role.length() > MAX_TEXT_LENGTH) {
                problems.add(new FieldError(path + "role", "too-long", "at most " + MAX_TEXT_LENGTH + " characters"));
            }
            var email = EmailAddress.parse(entry.email());
            if (text(entry.email()) == null) {
                problems.add(new FieldError(path + "email", "required", "the contact's e-mail address is required"));
            } else if (email.isEmpty()) {
                problems.add(new FieldError(path + "email", "invalid-email",
                        "not a plain e-mail address (name@domain.nl): " + entry.email()));
            } else if (!seen.add(email.get().value())) {
                problems.add(new FieldError(path + "email", "duplicate", email.get().value() + " is listed twice"));
            }
            if (name != null && email.isPresent()) {
                Contact contact = new Contact();
                contact.municipality = municipality;
                contact.email = email.get().value();
                contact.name = name;
                contact.role = role;
                valid.add(contact);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The contacts of " + municipality + " cannot be stored", problems);
        }
        return valid;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
