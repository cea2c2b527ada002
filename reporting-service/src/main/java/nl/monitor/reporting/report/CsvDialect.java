package nl.monitor.reporting.report;

/**
 * How a {@link CsvTable} is written. RFC 4180 (comma, decimal point) is the default; the Dutch dialect is what Dutch
 * Excel opens as columns: semicolons, a decimal comma, and UTF-8 with a byte-order mark (else Excel reads the file as
 * Windows-1252 and mangles "ë").
 */
public enum CsvDialect {
    RFC_4180(',', '.', false),
    DUTCH(';', ',', true);

    private final char separator;
    private final char decimalSeparator;
    private final boolean byteOrderMark;

    CsvDialect(char separator, char decimalSeparator, boolean byteOrderMark) {
        this.separator = separator;
        this.decimalSeparator = decimalSeparator;
        this.byteOrderMark = byteOrderMark;
    }

    public char separator() {
        return separator;
    }

    public char decimalSeparator() {
        return decimalSeparator;
    }

    public boolean byteOrderMark() {
        return byteOrderMark;
    }
}
