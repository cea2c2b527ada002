package nl.monitor.survey.indicator;

import io.quarkus.security.ForbiddenException;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.rest.Caller;

import java.util.Optional;

/**
 * Who may record the figures of which area: a respondent those of its own municipality; a coordinator those of its
 * Veilig Thuis region and of the municipalities in it (the region's registration figures, per municipality too); an
 * administrator any area, and the national figures alone. Analysts read, they do not record. Denials answer 403.
 */
final class FigureAccess {

    private FigureAccess() {
    }

    static void requireRecorder(Caller caller, AreaLevel level, String area, MunicipalityDivision division) {
        if (caller.hasRole(Caller.ADMIN)) {
            return;
        }
        boolean allowed = switch (level) {
            case MUNICIPALITY -> caller.hasRole(Caller.RESPONDENT) && caller.municipality().filter(area::equals).isPresent()
                    || caller.hasRole(Caller.COORDINATOR) && regionOf(area, division).equals(caller.region());
            case REGION -> caller.hasRole(Caller.COORDINATOR) && caller.region().filter(area::equals).isPresent();
            case NATIONAL -> false;
        };
        if (!allowed) {
            throw new ForbiddenException("Not allowed to record figures for " + level.name().toLowerCase() + " " + area
                    + (level == AreaLevel.NATIONAL ? " (national figures are recorded by an administrator)" : ""));
        }
    }

    private static Optional<String> regionOf(String municipality, MunicipalityDivision division) {
        return division.municipality(municipality).map(Municipality::region);
    }
}
