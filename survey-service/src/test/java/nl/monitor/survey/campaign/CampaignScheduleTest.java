package nl.monitor.survey.campaign;

import nl.monitor.survey.CampaignMessage.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignScheduleTest {

    private static final Instant OPEN = Instant.parse("2026-11-01T00:00:00Z");
    private static final CampaignSchedule SCHEDULE = new CampaignSchedule(OPEN, OPEN.plus(Duration.ofDays(42)),
            List.of(Duration.ofDays(14), Duration.ofDays(28)));
    private static final CampaignStep R1 = CampaignStep.reminder(1);
    private static final CampaignStep R2 = CampaignStep.reminder(2);

    private static Instant day(int day) {
        return OPEN.plus(Duration.ofDays(day));
    }

    private static CampaignSchedule.Past sent(CampaignStep step, Instant at) {
        return new CampaignSchedule.Past(step, Status.SENT, at);
    }

    @Test
    void the_invitation_when_the_wave_opens_then_each_reminder_when_due() {
        assertThat(SCHEDULE.next(day(0), List.of())).contains(CampaignStep.INVITATION);
        List<CampaignSchedule.Past> invited = List.of(sent(CampaignStep.INVITATION, day(0)));
        assertThat(SCHEDULE.next(day(13), invited)).isEmpty();
        assertThat(SCHEDULE.next(day(14), invited)).contains(R1);
        List<CampaignSchedule.Past> reminded = List.of(sent(CampaignStep.INVITATION, day(0)), sent(R1, day(14)));
        assertThat(SCHEDULE.next(day(20), reminded)).isEmpty();
        assertThat(SCHEDULE.next(day(29), reminded)).contains(R2);
    }

    @Test
    void a_contact_added_late_gets_the_invitation_and_only_reminders_due_after_it() {
        assertThat(SCHEDULE.next(day(20), List.of())).contains(CampaignStep.INVITATION);
        List<CampaignSchedule.Past> lateInvitation = List.of(sent(CampaignStep.INVITATION, day(20)));
        assertThat(SCHEDULE.next(day(21), lateInvitation)).isEmpty();
        assertThat(SCHEDULE.next(day(28), lateInvitation)).contains(R2);
    }

    @Test
    void nobody_gets_an_older_reminder_after_a_newer_one_and_a_failed_message_counts_as_not_sent() {
        List<CampaignSchedule.Past> failedR1 = List.of(sent(CampaignStep.INVITATION, day(0)),
                new CampaignSchedule.Past(R1, Status.FAILED, day(14)));
        assertThat(SCHEDULE.next(day(15), failedR1)).contains(R1);
        assertThat(SCHEDULE.next(day(30), failedR1)).contains(R2);
        List<CampaignSchedule.Past> uncertainInvitation = List.of(
                new CampaignSchedule.Past(CampaignStep.INVITATION, Status.UNCERTAIN, day(0)));
        assertThat(SCHEDULE.next(day(1), uncertainInvitation)).isEmpty();
        assertThat(SCHEDULE.next(day(1), List.of(new CampaignSchedule.Past(CampaignStep.INVITATION, Status.FAILED,
                day(0))))).contains(CampaignStep.INVITATION);
    }

    @Test
    void nothing_before_the_opening_from_the_end_or_for_a_reminder_past_the_end() {
        assertThat(SCHEDULE.next(OPEN.minusSeconds(1), List.of())).isEmpty();
        assertThat(SCHEDULE.next(day(42), List.of())).isEmpty();
        CampaignSchedule short_ = new CampaignSchedule(OPEN, day(20), List.of(Duration.ofDays(14),
                Duration.ofDays(28)));
        assertThat(short_.steps()).extracting(CampaignSchedule.Due::step).containsExactly(CampaignStep.INVITATION, R1);
        assertThat(CampaignStep.parse("REMINDER_2")).isEqualTo(R2);
        assertThat(Optional.of(CampaignStep.parse("INVITATION"))).contains(CampaignStep.INVITATION);
    }

    @Test
    void the_deadline_is_written_in_dutch_with_the_exclusive_end_as_the_last_day() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        assertThat(CampaignMail.deadline(Instant.parse("2026-12-31T23:00:00Z"), amsterdam))
                .isEqualTo("tot en met 31 december 2026");
        assertThat(CampaignMail.deadline(Instant.parse("2027-03-15T11:00:00Z"), amsterdam))
                .isEqualTo("tot 15 maart 2027, 12:00 uur");
    }

    @Test
    void an_email_address_is_plain_and_kept_in_lower_case() {
        assertThat(EmailAddress.parse(" J.deVries@Groningen.NL ")).map(EmailAddress::value)
                .contains("j.devries@groningen.nl");
        assertThat(EmailAddress.parse("not-an-address")).isEmpty();
        assertThat(EmailAddress.parse("Jan <jan@groningen.nl>")).isEmpty();
        assertThat(EmailAddress.parse("jan@localhost")).isEmpty();
        assertThat(EmailAddress.parse("jan@@groningen.nl")).isEmpty();
    }
}
