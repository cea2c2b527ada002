package nl.monitor.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import nl.monitor.survey.service.Answers;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A municipality's draft assessment for a year, as far as answered; saved by the questionnaire web app. */
@Entity
@Table(name = "draft")
public class Draft {

    @EmbeddedId
    public Id id;

    /** Counts the saves: 1 after the first. A save must name the version it was based on. */
    @Column(nullable = false)
    public int version;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Answers answers;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "submitted_version")
    public Integer submittedVersion;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Embeddable
    public static class Id implements Serializable {

        @Column(nullable = false)
        public String municipality;

        @Column(nullable = false)
        public int year;

        protected Id() {
        }

        public Id(String municipality, int year) {
            this.municipality = municipality;
            this.year = year;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id id && id.municipality.equals(municipality) && id.year == year;
        }

        @Override
        public int hashCode() {
            return Objects.hash(municipality, year);
        }
    }
}
