package nl.monitor.domain.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The borging part, the same for every goal: included in policy, and laid down in which documents. */
public record BorgingQuestions(String inclusionQuestion, Map<Inclusion, String> inclusionLabels,
                               String laidDownQuestion, List<ChoiceOption> documentKinds) {

    public BorgingQuestions {
        inclusionLabels = Map.copyOf(inclusionLabels);
        documentKinds = List.copyOf(documentKinds);
    }

    public Optional<ChoiceOption> documentKind(String id) {
        return documentKinds.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
