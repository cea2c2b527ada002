package nl.monitor.reference;

/**
 * A municipality (gemeente) in one year's division.
 *
 * @param code   CBS code, e.g. {@code GM0363}
 * @param region the Veilig Thuis region it belongs to that year
 */
public record Municipality(String code, String name, String province, String region, int inhabitants) {

    public SizeClass sizeClass() {
        return SizeClass.of(inhabitants);
    }
}
