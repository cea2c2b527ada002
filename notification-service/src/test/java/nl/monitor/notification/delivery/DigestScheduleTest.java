package nl.monitor.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DigestScheduleTest {

    private final DigestSchedule seven = new DigestSchedule(LocalTime.of(7, 0), ZoneId.of("Europe/Amsterdam"));

    @Test
    void the_next_digest_is_the_first_seven_oclock_in_amsterdam_after_the_moment() {
        // 05:59 UTC in winter is 06:59 in Amsterdam: the digest of that same morning
        assertThat(seven.next(Instant.parse("2026-11-23T05:59:00Z"))).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        // exactly at 07:00 it is tomorrow's
        assertThat(seven.next(Instant.parse("2026-11-23T06:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
        // in summer time 07:00 in Amsterdam is 05:00 UTC
        assertThat(seven.next(Instant.parse("2026-07-01T12:00:00Z"))).isEqualTo(Instant.parse("2026-07-02T05:00:00Z"));
        // across the change to summer time (29 March 2026)
        assertThat(seven.next(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
    }
}
