package nl.monitor.domain.questionnaire;

/** An option of a borging document question or an extra question; an exclusive one may not be combined. */
public record ChoiceOption(String id, String label, OptionKind kind, boolean exclusive) {

    public ChoiceOption {
        kind = kind == null ? OptionKind.MEASURE : kind;
    }

    public boolean needsText() {
        return kind == OptionKind.OTHER;
    }
}
