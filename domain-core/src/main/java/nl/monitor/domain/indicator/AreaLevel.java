package nl.monitor.domain.indicator;

/**
 * The kind of area a figure is recorded for, and so who records it: a municipality's respondent, a Veilig Thuis
 * region's coordinator, an administrator for the national figure.
 */
public enum AreaLevel {
    MUNICIPALITY,
    REGION,
    NATIONAL;

    /** The area code of the national level. */
    public static final String NETHERLANDS = "NL";
}
