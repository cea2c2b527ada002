package nl.monitor.reference;

import java.util.List;

/**
 * What became of a municipality that existed on 1 January 2013 or 2017: its successor(s) in the 2021 division.
 *
 * @param successors2021 the 2021 code(s) it became; more than one when it was split (the shares are not known)
 * @param note           the source's note, e.g. {@code Ten Boer, Haren -> Groningen}
 */
public record Merger(String code, String name, List<String> successors2021, Kind kind, String note) {

    public Merger {
        successors2021 = List.copyOf(successors2021);
    }

    /** How the code went on into 2021. */
    public enum Kind {
        /** The same municipality with the same code (it may have absorbed others). */
        SAME,
        /** Merged into another municipality (code kept by the other). */
        MERGED,
        /** Merged into a new municipality with a new code, or renamed under a new code. */
        MERGED_OR_RENAMED,
        /** Split over several municipalities. */
        SPLIT;

        static Kind parse(String text) {
            return switch (text) {
                case "same" -> SAME;
                case "merged" -> MERGED;
                case "merged/renamed" -> MERGED_OR_RENAMED;
                case "split" -> SPLIT;
                default -> throw new IllegalArgumentException("Unknown kind of succession: " + text);
            };
        }
    }

    /** Whether it still exists under its own code in 2021. */
    public boolean continues() {
        return kind == Kind.SAME;
    }
}
