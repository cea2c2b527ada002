package nl.monitor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.monitor.notification.config.DigestConfig;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When the next daily digest goes out: the first {@code notification.digest.at} in its zone after a moment. */
@ApplicationScoped
public class DigestSchedule {

    private final LocalTime at;
    private final ZoneId zone;

    @Inject
    public DigestSchedule(DigestConfig config) {
        this(LocalTime.parse(config.at()), ZoneId.of(config.zone()));
    }

    public DigestSchedule(LocalTime at, ZoneId zone) {
        this.at = at;
        this.zone = zone;
    }

    public Instant next(Instant after) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(at).atZone(zone);
        return (today.isAfter(local) ? today : local.toLocalDate().plusDays(1).atTime(at).atZone(zone)).toInstant();
    }
}
