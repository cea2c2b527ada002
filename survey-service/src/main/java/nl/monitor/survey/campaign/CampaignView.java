package nl.monitor.survey.campaign;

import nl.monitor.survey.CampaignMessage.Status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A wave's campaign as the admin sees it: when each step is due, how many messages of each step stand where, and
 * every message.
 */
public record CampaignView(int year, List<CampaignSchedule.Due> steps, Map<String, Map<Status, Long>> counts,
                           List<Message> messages) {

    /** One message to one contact. */
    public record Message(String municipality, String email, String step, Status status, Instant claimedAt,
                          Instant sentAt, int attempts, String lastError) {
    }
}
