package nl.monitor.reporting;

/** What the read models keep one current version of: a municipality's assessment (or score) of a year. */
public record MunicipalityYear(String municipality, int year) {
}
