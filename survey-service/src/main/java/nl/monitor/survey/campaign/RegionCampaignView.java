package nl.monitor.survey.campaign;

import java.util.List;

/** A wave's campaign messages to the municipalities of one region, as its coordinators see them. */
public record RegionCampaignView(int year, String region, List<CampaignView.Message> messages) {
}
