package nl.monitor.domain.assessment;

import nl.monitor.domain.support.Lists;

import java.util.List;
import java.util.Optional;

/**
 * Inhoud: whether measures are deployed for the goal and which, per measure category.
 * When measures are deployed every category of the goal is answered (an option, or "geen onderdeel van beleid").
 *
 * @param otherMeasure a measure not listed in the questionnaire (free text, optional, not scored)
 */
public record InhoudAnswer(boolean deploysMeasures, List<CategoryAnswer> categories, String otherMeasure) {

    public InhoudAnswer {
        categories = Lists.copyOrEmpty(categories);
    }

    public Optional<CategoryAnswer> category(String categoryId) {
        return categories.stream().filter(c -> c != null && categoryId.equals(c.category())).findFirst();
    }
}
