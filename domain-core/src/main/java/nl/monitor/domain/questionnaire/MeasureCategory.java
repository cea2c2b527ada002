package nl.monitor.domain.questionnaire;

import java.util.List;
import java.util.Optional;

/** A group of measures of one goal ("Sturing op ketensamenwerking door middel van:"), each earning an equal share. */
public record MeasureCategory(String id, String label, List<MeasureOption> options) {

    public MeasureCategory {
        options = List.copyOf(options);
    }

    public Optional<MeasureOption> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
