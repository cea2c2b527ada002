package nl.monitor.reference;

/** The size classes (stedelijkheidsklassen) of Tabel 3.1, by number of inhabitants. */
public enum SizeClass {
    CLASS_1(1, 0, "< 25.000 inwoners"),
    CLASS_2(2, 25_000, "25.000 - 50.000 inwoners"),
    CLASS_3(3, 50_000, "50.000 - 100.000 inwoners"),
    CLASS_4(4, 100_000, "100.000 - 250.000 inwoners"),
    CLASS_5(5, 250_001, "> 250.000 inwoners");

    private final int number;
    private final int fromInhabitants;
    private final String label;

    SizeClass(int number, int fromInhabitants, String label) {
        this.number = number;
        this.fromInhabitants = fromInhabitants;
        this.label = label;
    }

    public int number() {
        return number;
    }

    /** The label as Tabel 3.1 prints it. */
    public String label() {
        return label;
    }

    public static SizeClass of(int inhabitants) {
        if (inhabitants < 0) {
            throw new IllegalArgumentException("inhabitants must not be negative: " + inhabitants);
        }
        SizeClass result = CLASS_1;
        for (SizeClass candidate : values()) {
            if (inhabitants >= candidate.fromInhabitants) {
                result = candidate;
            }
        }
        return result;
    }

    public static SizeClass number(int number) {
        for (SizeClass candidate : values()) {
            if (candidate.number == number) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("No size class " + number);
    }
}
