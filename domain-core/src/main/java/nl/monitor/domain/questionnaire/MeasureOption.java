package nl.monitor.domain.questionnaire;

/** One option of a measure category, as a row of Tabel 4.1-4.10. */
public record MeasureOption(String id, String label, OptionKind kind) {

    public MeasureOption {
        kind = kind == null ? OptionKind.MEASURE : kind;
    }

    public boolean isNotInPolicy() {
        return kind == OptionKind.NOT_IN_POLICY;
    }

    public boolean needsText() {
        return kind == OptionKind.OTHER;
    }
}
