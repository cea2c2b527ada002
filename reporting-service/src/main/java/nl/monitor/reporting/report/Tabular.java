package nl.monitor.reporting.report;

/** A report that can also be exported as CSV. */
public interface Tabular {

    /** The report as one flat table. */
    CsvTable table();
}
