package nl.monitor.survey.wave;

import nl.monitor.survey.Wave;
import nl.monitor.survey.config.WavesConfig.YearsWithoutWave;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WaveAdmissionTest {

    private static final Instant FROM = Instant.parse("2017-03-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2017-06-01T00:00:00Z");

    @Test
    void an_open_wave_takes_submissions_from_open_from_until_just_before_open_until() {
        Wave wave = wave(Wave.Status.OPEN);

        assertThat(WaveAdmission.of(2017, wave, FROM, YearsWithoutWave.CLOSED).accepted()).isTrue();
        assertThat(WaveAdmission.of(2017, wave, UNTIL.minusNanos(1000), YearsWithoutWave.CLOSED).accepted()).isTrue();
        assertThat(WaveAdmission.of(2017, wave, FROM.minusSeconds(1), YearsWithoutWave.OPEN).reason())
                .isEqualTo("The 2017 wave opens at 2017-03-01T00:00:00Z.");
        assertThat(WaveAdmission.of(2017, wave, UNTIL, YearsWithoutWave.OPEN).reason())
                .isEqualTo("The 2017 wave was open until 2017-06-01T00:00:00Z.");
    }

    @Test
    void a_closed_wave_takes_nothing_even_inside_its_window() {
        WaveAdmission admission = WaveAdmission.of(2017, wave(Wave.Status.CLOSED), FROM.plusSeconds(60),
                YearsWithoutWave.OPEN);

        assertThat(admission.accepted()).isFalse();
        assertThat(admission.reason()).contains("closed", "by admin", "final");
    }

    @Test
    void a_year_without_a_wave_follows_the_configuration() {
        assertThat(WaveAdmission.of(2031, null, FROM, YearsWithoutWave.OPEN).accepted()).isTrue();
        assertThat(WaveAdmission.of(2031, null, FROM, YearsWithoutWave.CLOSED).reason())
                .startsWith("No wave has been opened for 2031");
    }

    private static Wave wave(Wave.Status status) {
        Wave wave = new Wave();
        wave.year = 2017;
        wave.openFrom = FROM;
        wave.openUntil = UNTIL;
        wave.status = status;
        wave.closedAt = status == Wave.Status.CLOSED ? UNTIL : null;
        wave.closedBy = status == Wave.Status.CLOSED ? "admin" : null;
        return wave;
    }
}
