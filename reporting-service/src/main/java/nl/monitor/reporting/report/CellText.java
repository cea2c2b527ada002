package nl.monitor.reporting.report;

import java.util.regex.Pattern;

/**
 * Formula injection (OWASP "CSV Injection"): a text that a spreadsheet would run as a formula is neutralised, in every
 * format a report is exported in (CSV of both dialects, Excel). A text that begins with {@code = + - @}, a tab or a
 * carriage return gets a single quote in front ({@code '=HYPERLINK(...)}), which spreadsheets show as text; so does
 * every such part after a {@code ;} or {@code ,}, since a spreadsheet that guesses another separator than the
 * file's splits the text there and would run the part as a cell of its own ({@code x;=cmd} becomes {@code x;'=cmd}).
 * A part that is a plain decimal number ({@code -57.5}) stays as it is: it cannot hold a formula.
 */
public final class CellText {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String SEPARATORS = ";,";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

    private CellText() {
    }

    public static String neutralised(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                out.append(part(text.substring(start, i)));
                if (i < text.length()) {
                    out.append(text.charAt(i));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static String part(String part) {
        boolean formula = !part.isEmpty() && FORMULA_STARTS.indexOf(part.charAt(0)) >= 0;
        return formula && !PLAIN_NUMBER.matcher(part).matches() ? "'" + part : part;
    }
}
