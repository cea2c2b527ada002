package nl.monitor.survey.campaign;

import nl.monitor.survey.CampaignMessage.Status;

/**
 * How handing one mail to the SMTP server ended: {@link Status#SENT}, {@link Status#FAILED} (refused or unreachable:
 * it did not go out) or {@link Status#UNCERTAIN} (no answer in time: it may have gone out).
 *
 * @param reason why not sent; null when sent
 */
public record SendOutcome(Status status, String reason) {

    public static SendOutcome sent() {
        return new SendOutcome(Status.SENT, null);
    }

    public static SendOutcome failed(String reason) {
        return new SendOutcome(Status.FAILED, reason);
    }

    public static SendOutcome uncertain(String reason) {
        return new SendOutcome(Status.UNCERTAIN, reason);
    }
}
