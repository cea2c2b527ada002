package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reference.SizeClass;
import nl.monitor.reporting.MunicipalityGoalScore;
import nl.monitor.reporting.MunicipalityScore;
import nl.monitor.reporting.repository.MunicipalityScoreRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads the current scores of a municipality from the read model. */
@ApplicationScoped
public class ScoreQueries {

    private final MunicipalityScoreRepository scores;

    public ScoreQueries(MunicipalityScoreRepository scores) {
        this.scores = scores;
    }

    /** Its current score of every year, newest year first. */
    public List<MunicipalityScoreView> ofMunicipality(String code) {
        return scores.ofMunicipality(code).stream().map(this::view).toList();
    }

    public Optional<MunicipalityScoreView> ofMunicipality(String code, int year) {
        return scores.ofMunicipality(code, year).map(this::view);
    }

    private MunicipalityScoreView view(MunicipalityScore s) {
        SizeClass sizeClass = SizeClass.number(s.sizeClass);
        // its name in the year's division (Bellingwedde in 2014), a current code's name for data stored before
        String name = MunicipalityDivisions.municipalityOf(s.municipality, s.year).map(Municipality::name).orElse(null);
        return new MunicipalityScoreView(s.municipality, name, s.region, sizeClass.number(), sizeClass.label(), s.year,
                s.total, s.band, s.goalsAnswered,
                s.goals.stream().sorted(Comparator.comparingInt(g -> g.goal)).map(MunicipalityGoalScore::toGoalScore)
                        .toList(),
                s.submissionId, s.submissionVersion, s.rulesVersion, s.computedAt);
    }
}
