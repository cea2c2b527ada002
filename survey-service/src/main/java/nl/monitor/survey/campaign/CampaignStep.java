package nl.monitor.survey.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A step of a wave's campaign: the invitation ({@code reminder} 0) or the n-th reminder.
 *
 * @param reminder 0 for the invitation, 1 for the first reminder, ...
 */
public record CampaignStep(int reminder) {

    public static final CampaignStep INVITATION = new CampaignStep(0);
    private static final String REMINDER_PREFIX = "REMINDER_";

    public CampaignStep {
        if (reminder < 0) {
            throw new IllegalArgumentException("reminder must be 0 (the invitation) or more");
        }
    }

    public static CampaignStep reminder(int number) {
        return new CampaignStep(number);
    }

    /** @param name {@code INVITATION} or {@code REMINDER_<n>}, as {@link #name()} writes it */
    @JsonCreator
    public static CampaignStep parse(String name) {
        if ("INVITATION".equals(name)) {
            return INVITATION;
        }
        if (name != null && name.startsWith(REMINDER_PREFIX)) {
            return reminder(Integer.parseInt(name.substring(REMINDER_PREFIX.length())));
        }
        throw new IllegalArgumentException("Not a campaign step: " + name);
    }

    public boolean isInvitation() {
        return reminder == 0;
    }

    /** {@code INVITATION}, {@code REMINDER_1}, ...: the name stored and shown. */
    @JsonValue
    public String name() {
        return isInvitation() ? "INVITATION" : REMINDER_PREFIX + reminder;
    }

    @Override
    public String toString() {
        return name();
    }
}
