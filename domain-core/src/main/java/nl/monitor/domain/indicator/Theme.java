package nl.monitor.domain.indicator;

/** One of the programme's themes, with the target its indicators measure progress towards. */
public record Theme(int number, String title, String target) {
}
