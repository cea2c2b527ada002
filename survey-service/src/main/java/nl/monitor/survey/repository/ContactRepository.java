package nl.monitor.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.survey.Contact;

import java.util.List;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, Long> {

    /** A municipality's contacts, by name. */
    public List<Contact> ofMunicipality(String municipality) {
        return list("municipality = ?1 order by name, email", municipality);
    }

    /** Every contact, by municipality. */
    public List<Contact> everyone() {
        return list("order by municipality, email");
    }

    /** Serialises the changes of one municipality's contacts until the transaction ends. */
    public void lockMunicipality(String municipality) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('contact'), hashtext(?1))")
                .setParameter(1, municipality).getSingleResult();
    }
}
