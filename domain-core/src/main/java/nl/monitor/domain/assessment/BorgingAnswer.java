package nl.monitor.domain.assessment;

import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.support.Lists;

import java.util.List;

/**
 * Borging: whether the goal is included in policy and, only if it is, whether and where it is laid down.
 *
 * @param laidDown          laid down in a document; only possible when included
 * @param documents         the document kinds (ids of the questionnaire's {@code documentKinds}) when laid down
 * @param otherDocumentText names the document when the kind "other" is chosen
 */
public record BorgingAnswer(Inclusion inclusion, boolean laidDown, List<String> documents, String otherDocumentText) {

    public BorgingAnswer {
        documents = Lists.copyOrEmpty(documents);
    }
}
