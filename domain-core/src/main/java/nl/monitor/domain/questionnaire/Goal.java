package nl.monitor.domain.questionnaire;

import java.util.List;
import java.util.Optional;

/** One of the ten goals (doelstellingen) with its measure categories. */
public record Goal(int number, String title, String text, List<MeasureCategory> categories) {

    public Goal {
        categories = List.copyOf(categories);
    }

    public Optional<MeasureCategory> category(String categoryId) {
        return categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }
}
