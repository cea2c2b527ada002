package nl.monitor.survey.campaign;

import nl.monitor.survey.CampaignMessage.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * When a wave's campaign steps are due, and which one a contact gets next. The invitation is due when the wave opens,
 * reminder n at {@code openFrom} plus the n-th configured offset.
 *
 * <p>The rule for one contact: first the invitation (also when it is added to the registry late); after that only
 * the latest reminder that is due, has not gone to it, and became due after its previous message. So a contact added
 * in the third week gets the invitation, not at once a reminder too, and nobody gets an older reminder after a newer
 * one. A {@link Status#FAILED} message did not go out and counts as not sent.
 *
 * @param openFrom  the wave's start
 * @param openUntil the wave's end (exclusive): nothing is due from then on
 * @param reminders the offsets of the reminders after {@code openFrom}
 */
public record CampaignSchedule(Instant openFrom, Instant openUntil, List<Duration> reminders) {

    /** A step and when it is due. */
    public record Due(CampaignStep step, Instant at) {
    }

    /** What a contact got before in this wave: the step, where it stands, and when it was sent (or claimed). */
    public record Past(CampaignStep step, Status status, Instant at) {
    }

    public CampaignSchedule {
        reminders = List.copyOf(reminders);
    }

    /** Every step inside the wave's window, in order. */
    public List<Due> steps() {
        List<Due> steps = new ArrayList<>();
        steps.add(new Due(CampaignStep.INVITATION, openFrom));
        for (int i = 0; i < reminders.size(); i++) {
            Instant at = openFrom.plus(reminders.get(i));
            if (at.isBefore(openUntil)) {
                steps.add(new Due(CampaignStep.reminder(i + 1), at));
            }
        }
        return steps;
    }

    /** The step a contact with this history is to get now, if any. */
    public Optional<CampaignStep> next(Instant now, Collection<Past> history) {
        if (now.isBefore(openFrom) || !now.isBefore(openUntil)) {
            return Optional.empty();
        }
        List<Past> outgone = history.stream().filter(p -> p.status() != Status.FAILED).toList();
        if (outgone.stream().noneMatch(p -> p.step().isInvitation())) {
            return Optional.of(CampaignStep.INVITATION);
        }
        Due latest = steps().stream().filter(d -> !d.at().isAfter(now)).reduce((a, b) -> b).orElseThrow();
        Instant previous = outgone.stream().map(Past::at).max(Instant::compareTo).orElseThrow();
        boolean had = outgone.stream().anyMatch(p -> p.step().equals(latest.step()));
        return had || !latest.at().isAfter(previous) ? Optional.empty() : Optional.of(latest.step());
    }
}
