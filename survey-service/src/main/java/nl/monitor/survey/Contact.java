package nl.monitor.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Someone of a municipality who gets the invitation and the reminders of every wave: usually its policy officer
 * (beleidsmedewerker). The e-mail address is stored in lower case and is the contact's identity within its
 * municipality.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    /** Free text, e.g. "beleidsmedewerker jeugd"; may be null. */
    public String role;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
