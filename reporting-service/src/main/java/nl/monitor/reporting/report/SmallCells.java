package nl.monitor.reporting.report;

/**
 * Small-cell suppression: an aggregate over fewer than {@code minMunicipalities} municipalities (but at least one) is
 * not disclosed to a caller it applies to (respondents and coordinators on a region or size-class filter); its value is
 * null and its {@code suppressed} flag true. An aggregate over none has no value to hide and is not flagged.
 */
public record SmallCells(int minMunicipalities, boolean applies) {

    /** No suppression: analysts and admins, and national figures. */
    public static final SmallCells NONE = new SmallCells(0, false);

    public SmallCells {
        if (applies && minMunicipalities < 1) {
            throw new IllegalArgumentException("minMunicipalities must be at least 1, was " + minMunicipalities);
        }
    }

    /** Whether an aggregate over {@code municipalities} municipalities is withheld. */
    public boolean suppress(long municipalities) {
        return applies && municipalities > 0 && municipalities < minMunicipalities;
    }

    /**
     * Whether an aggregate over a viewer's own municipality and {@code others} other municipalities is withheld: the
     * viewer knows its own figures, so only the others count towards k (the card's means).
     */
    public boolean suppressOthers(long others) {
        return applies && others < minMunicipalities;
    }

    /** The value, or null when the aggregate over {@code municipalities} is withheld. */
    public <T> T show(long municipalities, T value) {
        return suppress(municipalities) ? null : value;
    }
}
