package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reference.SizeClass;
import nl.monitor.reporting.report.OutstandingView;
import nl.monitor.reporting.report.ResponseReport;
import nl.monitor.reporting.repository.ReportQueries;
import nl.monitor.reporting.repository.ReportQueries.Row;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static nl.monitor.reporting.report.Rounding.percent;

/**
 * Who has responded to a year's wave so far, counted by the division that wave invites: the live response view
 * (Tabel 3.1 while the wave runs) and, per region, the municipalities that have not yet submitted.
 */
@ApplicationScoped
public class Responses {

    private final ReportQueries sql;
    private final Clock clock = Clock.systemUTC();

    public Responses(ReportQueries sql) {
        this.sql = sql;
    }

    /** A response of the year: placed in its size class and region of the year's division, when it knows the code. */
    private record Response(String municipality, String region, int sizeClass, boolean inDivision) {
    }

    /** The live response per size class and region; {@code region} null for the whole country. */
    public ResponseReport report(int year, String region) {
        MunicipalityDivisions.Choice choice = MunicipalityDivisions.choose(year);
        List<Municipality> invited = choice.division().all().stream()
                .filter(m -> region == null || region.equals(m.region())).toList();
        List<Response> responses = responses(year, choice.division()).stream()
                .filter(r -> region == null || region.equals(r.region())).toList();
        List<ResponseReport.Line> sizeClasses = new ArrayList<>();
        for (SizeClass sizeClass : SizeClass.values()) {
            sizeClasses.add(line(sizeClass.number(), null, sizeClass.label(),
                    invited, m -> m.sizeClass() == sizeClass, responses, r -> r.sizeClass() == sizeClass.number()));
        }
        sizeClasses.add(line(null, null, "Totaal", invited, m -> true, responses, r -> true));
        List<ResponseReport.Line> regions = new ArrayList<>();
        for (String name : invited.stream().map(Municipality::region).distinct().sorted().toList()) {
            regions.add(line(null, name, name, invited, m -> m.region().equals(name), responses,
                    r -> r.region().equals(name)));
        }
        regions.add(line(null, null, "Totaal", invited, m -> true, responses, r -> true));
        return new ResponseReport(year, region, choice.division().year(), choice.exact(), choice.describe(),
                Instant.now(clock), sizeClasses, regions,
                responses.stream().filter(r -> !r.inDivision()).count());
    }

    /** The municipalities of the region, in the year's division, without a submission or score for the year. */
    public OutstandingView outstanding(String region, int year) {
        MunicipalityDivisions.Choice choice = MunicipalityDivisions.choose(year);
        List<Municipality> invited = choice.division().inRegion(region);
        java.util.Set<String> responded = new java.util.HashSet<>();
        responses(year, choice.division()).forEach(r -> responded.add(r.municipality()));
        List<OutstandingView.Municipality> outstanding = invited.stream()
                .filter(m -> !responded.contains(m.code()))
                .sorted(Comparator.comparing(Municipality::code))
                .map(m -> new OutstandingView.Municipality(m.code(), m.name(), m.sizeClass().number(),
                        m.sizeClass().label(), m.inhabitants())).toList();
        long respondedInRegion = invited.size() - outstanding.size();
        return new OutstandingView(region, year, choice.division().year(), choice.describe(), invited.size(),
                respondedInRegion, percent(respondedInRegion, invited.size()), outstanding);
    }

    private static ResponseReport.Line line(Integer sizeClass, String region, String label,
                                            List<Municipality> invited, Predicate<Municipality> invitedHere,
                                            List<Response> responses, Predicate<Response> respondedHere) {
        long of = invited.stream().filter(invitedHere).count();
        long responded = responses.stream().filter(respondedHere).count();
        long respondedInvited = responses.stream().filter(respondedHere).filter(Response::inDivision).count();
        return new ResponseReport.Line(sizeClass, region, label, of, responded, of - respondedInvited,
                percent(responded, of));
    }

    /** Every municipality with a current submission or score for the year (a score implies its submission). */
    private List<Response> responses(int year, MunicipalityDivision division) {
        Map<String, Response> responses = new HashMap<>();
        for (Row row : sql.query("""
                SELECT municipality, region, size_class FROM municipality_submission WHERE year = ?
                UNION SELECT municipality, region, size_class FROM municipality_score WHERE year = ?
                """, year, year)) {
            String code = row.text("municipality");
            responses.putIfAbsent(code, division.municipality(code)
                    .map(m -> new Response(code, m.region(), m.sizeClass().number(), true))
                    .orElseGet(() -> new Response(code, row.text("region"), row.integer("size_class"), false)));
        }
        return List.copyOf(responses.values());
    }
}
