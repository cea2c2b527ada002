package nl.monitor.scoring.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rescore of a wave did.
 *
 * @param previousRulesVersion the rules version in force for the year before
 * @param municipalities       the municipalities with a submission that year (their current one was looked at)
 * @param rescored             scored anew under {@code rulesVersion} and published
 * @param unchanged            already scored under {@code rulesVersion}: left alone, nothing published
 * @param crossingsDown        threshold-crossed published, down
 * @param crossingsUp          threshold-crossed published, up
 */
@Schema(description = "What a rescore of a wave did")
public record RescoreReport(int year, int rulesVersion, int previousRulesVersion, int municipalities, int rescored,
                            int unchanged, int crossingsDown, int crossingsUp) {

    /** What the audit trail records of it ({@code wave.rescored}). */
    public Map<String, Object> auditDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rulesVersion", rulesVersion);
        details.put("previousRulesVersion", previousRulesVersion);
        details.put("municipalities", municipalities);
        details.put("rescored", rescored);
        details.put("unchanged", unchanged);
        details.put("crossingsDown", crossingsDown);
        details.put("crossingsUp", crossingsUp);
        return details;
    }
}
