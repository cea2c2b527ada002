package nl.monitor.survey.wave;

import nl.monitor.survey.Wave;
import nl.monitor.survey.config.WavesConfig.YearsWithoutWave;

import java.time.Instant;

/**
 * Whether a year's wave takes submissions and drafts now: only while it is open and inside its window
 * [openFrom, openUntil). A year without a wave follows the configured {@link YearsWithoutWave}.
 *
 * @param reason why not, as the 409 problem document says it; null when accepted
 */
public record WaveAdmission(boolean accepted, String reason) {

    private static final WaveAdmission ACCEPTED = new WaveAdmission(true, null);

    /** @param wave the year's wave, or null when none was ever opened for it */
    public static WaveAdmission of(int year, Wave wave, Instant now, YearsWithoutWave yearsWithoutWave) {
        if (wave == null) {
            return yearsWithoutWave == YearsWithoutWave.OPEN ? ACCEPTED : refused("No wave has been opened for "
                    + year + "; submissions and drafts are taken only while the year's wave is open.");
        }
        if (wave.status == Wave.Status.CLOSED) {
            return refused("The " + year + " wave was closed at " + wave.closedAt + " by " + wave.closedBy
                    + "; its reports are final. Only an admin can reopen it.");
        }
        if (now.isBefore(wave.openFrom)) {
            return refused("The " + year + " wave opens at " + wave.openFrom + ".");
        }
        if (!now.isBefore(wave.openUntil)) {
            return refused("The " + year + " wave was open until " + wave.openUntil + ".");
        }
        return ACCEPTED;
    }

    private static WaveAdmission refused(String reason) {
        return new WaveAdmission(false, reason);
    }
}
