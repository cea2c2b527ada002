package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
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
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

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
        String name = municipalities.municipality(s.municipality).map(Municipality::name).orElse(null);
        return new MunicipalityScoreView(s.municipality, name, s.region, sizeClass.number(), sizeClass.label(), s.year,
                s.total, s.band, s.goalsAnswered,
                s.goals.stream().sorted(Comparator.comparingInt(g -> g.goal)).map(MunicipalityGoalScore::toGoalScore)
                        .toList(),
                s.submissionId, s.submissionVersion, s.rulesVersion, s.computedAt);
    }
}
