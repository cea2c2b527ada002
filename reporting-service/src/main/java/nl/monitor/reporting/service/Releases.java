package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.reporting.report.SmallCells;
import nl.monitor.reporting.repository.ReleasedReadModel;
import nl.monitor.reporting.repository.ReportQueries.ReadModel;

import java.util.Collection;

/**
 * Against differencing by polling (issue 25): the aggregates respondents and coordinators see change only in steps
 * that reveal no single municipality. They are computed over a released copy of the read model, which a year gets
 * anew only when at least k municipalities (k of the small cells, 3) differ from its release — new, resubmitted or
 * rescored — or when the year's wave is closed (its last wave action in the audit trail is {@code wave.closed}).
 * Two polls either side of one submission then see the same figures. Analysts and admins read the live model.
 */
@ApplicationScoped
public class Releases {

    private final ReleasedReadModel released;

    public Releases(ReleasedReadModel released) {
        this.released = released;
    }

    /**
     * The read model a caller with these small cells reads for these years: live for analysts and admins; else the
     * released one, each year released anew first when the rule above says so.
     */
    public ReadModel forReader(SmallCells cells, Collection<Integer> years) {
        if (!cells.applies()) {
            return ReadModel.LIVE;
        }
        for (int year : years) {
            released.releaseIf(year, (y, differing) -> differing >= cells.minMunicipalities()
                    || released.waveClosed(y));
        }
        return ReadModel.RELEASED;
    }
}
