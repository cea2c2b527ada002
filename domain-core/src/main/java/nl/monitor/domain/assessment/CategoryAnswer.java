package nl.monitor.domain.assessment;

import nl.monitor.domain.support.Lists;

import java.util.List;

/** The options chosen in one measure category of a goal. */
public record CategoryAnswer(String category, List<OptionAnswer> options) {

    public CategoryAnswer {
        options = Lists.copyOrEmpty(options);
    }
}
