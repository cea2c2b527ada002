package nl.monitor.reporting.report;

import java.util.List;

/**
 * Per goal, the measures that other municipalities of a municipality's size class chose in a year, most used first,
 * with the same counts as the card's advice ({@link MunicipalityCard.PeerMeasure}). The questionnaire shows them
 * beside the measures a respondent could still add.
 *
 * @param requestedYear the year asked for
 * @param year          the year counted: the requested one, or the latest earlier year with answers of the size
 *                      class (a wave being filled in has no peers yet); null when there is none
 */
public record PeerMeasuresView(String municipality, int sizeClass, String sizeClassLabel, int requestedYear,
                               Integer year, List<GoalPeers> goals) {

    /**
     * @param peersAnswered the other municipalities of the size class that answered the goal that year; null when
     *                      suppressed (how few they are is itself what suppression withholds)
     * @param measures      every measure option (not "Anders", not "geen onderdeel van beleid") chosen by at least
     *                      one of them, most used first; {@code own} marks those the municipality chose itself; empty
     *                      when suppressed
     * @param suppressed    whether the counts are withheld: fewer peers answered the goal than
     *                      {@code reporting.suppression.min-municipalities} (k, 3) and the caller is a respondent or
     *                      coordinator (their counts would show those few peers' choices)
     */
    public record GoalPeers(int goal, String title, Long peersAnswered, List<Measure> measures, boolean suppressed) {
    }

    public record Measure(String category, String categoryLabel, String option, String label, long peers,
                          long peersAnswered, Integer percent, boolean own) {

        public MunicipalityCard.PeerMeasure asCardMeasure() {
            return new MunicipalityCard.PeerMeasure(category, categoryLabel, option, label, peers, peersAnswered,
                    percent);
        }
    }
}
