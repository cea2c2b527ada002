package nl.monitor.rest;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import nl.monitor.reference.MunicipalityDivisions;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is calling, and what the roles of SPEC.md "Security" let them see: a {@code respondent} only their own
 * municipality (claim {@code municipality}), a {@code coordinator} only their own region (claim {@code region}), an
 * {@code analyst} or {@code admin} everything. Denials answer 403.
 */
@RequestScoped
public class Caller {

    public static final String RESPONDENT = "respondent";
    public static final String COORDINATOR = "coordinator";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** Whether the token carries this role (one of the constants above). */
    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean readsEverything() {
        return identity.hasRole(ANALYST) || identity.hasRole(ADMIN);
    }

    public Optional<String> municipality() {
        return claim("municipality");
    }

    public Optional<String> region() {
        return claim("region");
    }

    /** Respondents may act for their own municipality only. */
    public void requireMunicipality(String code) {
        if (readsEverything()) {
            return;
        }
        if (identity.hasRole(RESPONDENT) && municipality().filter(code::equals).isPresent()) {
            return;
        }
        throw new ForbiddenException("Not allowed for municipality " + code);
    }

    /**
     * Who may read what concerns a municipality: respondents their own, coordinators those of their region (in any
     * shipped division: a region's history under its codes of then), analysts and admins all.
     */
    public void requireReaderOf(String code) {
        if (identity.hasRole(COORDINATOR) && region().isPresent()
                && MunicipalityDivisions.regionsOf(code).contains(region().get())) {
            return;
        }
        requireMunicipality(code);
    }

    /**
     * The region a read is confined to: for analysts and admins the one asked for (null: every region); for a
     * coordinator its own, which it may also name (another one answers 403).
     */
    public String regionToRead(String requested) {
        if (readsEverything()) {
            return requested;
        }
        String own = region().orElseThrow(() -> new ForbiddenException("The token carries no region"));
        requireRegion(requested == null ? own : requested);
        return own;
    }

    /** What someone created (e.g. a subscription) only they, or an admin, may change or use. */
    public void requireOwner(String owner) {
        if (ownerOrAdmin(owner)) {
            return;
        }
        throw new ForbiddenException("Only its owner " + owner + " (or an admin) may do this");
    }

    /** When the caller's token expires (its {@code exp}); empty without a token. */
    public Optional<Instant> tokenExpiresAt() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Optional.of(Instant.ofEpochSecond(token.getExpirationTime()));
        }
        return Optional.empty();
    }

    /** Whether the caller created it ({@code owner} is its name) or is an admin. */
    public boolean ownerOrAdmin(String owner) {
        return identity.hasRole(ADMIN) || name().equals(owner);
    }

    /** Coordinators may act for their own region only. */
    public void requireRegion(String region) {
        if (readsEverything()) {
            return;
        }
        if (identity.hasRole(COORDINATOR) && region().filter(region::equals).isPresent()) {
            return;
        }
        throw new ForbiddenException("Not allowed for region " + region);
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
        }
        return Optional.empty();
    }
}
