package nl.monitor.survey.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.survey.CampaignMessage;
import nl.monitor.survey.CampaignMessage.Status;
import nl.monitor.survey.Wave;
import nl.monitor.survey.repository.CampaignMessageRepository;
import nl.monitor.survey.repository.WaveRepository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a wave's campaign has sent so far: all of it for the admin, one region's for its coordinators. */
@ApplicationScoped
public class CampaignOverview {

    private final WaveRepository waves;
    private final CampaignMessageRepository messages;
    private final CampaignRound round;

    public CampaignOverview(WaveRepository waves, CampaignMessageRepository messages, CampaignRound round) {
        this.waves = waves;
        this.messages = messages;
        this.round = round;
    }

    /** Empty when the year has no wave. */
    @Transactional
    public Optional<CampaignView> of(int year) {
        Wave wave = waves.findById(year);
        if (wave == null) {
            return Optional.empty();
        }
        List<CampaignMessage> all = messages.ofWave(year);
        Map<String, Map<Status, Long>> counts = all.stream().collect(Collectors.groupingBy(m -> m.step, TreeMap::new,
                Collectors.groupingBy(m -> m.status, () -> new EnumMap<>(Status.class), Collectors.counting())));
        return Optional.of(new CampaignView(year, round.schedule(wave).steps(), counts, all.stream()
                .map(m -> new CampaignView.Message(m.municipality, m.email, m.step, m.status, m.claimedAt, m.sentAt,
                        m.attempts, m.lastError)).toList()));
    }

    /**
     * The messages of a wave to the municipalities of one region (in the division the wave invites): who was invited
     * and reminded when. Empty when the year has no wave.
     */
    @Transactional
    public Optional<RegionCampaignView> ofRegion(int year, String region) {
        Wave wave = waves.findById(year);
        if (wave == null) {
            return Optional.empty();
        }
        MunicipalityDivision division = MunicipalityDivisions.of(wave.divisionYear)
                .orElseGet(() -> MunicipalityDivisions.forYear(year));
        Set<String> inRegion = division.inRegion(region).stream().map(Municipality::code)
                .collect(Collectors.toSet());
        return Optional.of(new RegionCampaignView(year, region, messages.ofWave(year).stream()
                .filter(m -> inRegion.contains(m.municipality))
                .map(m -> new CampaignView.Message(m.municipality, m.email, m.step, m.status, m.claimedAt, m.sentAt,
                        m.attempts, m.lastError)).toList()));
    }
}
