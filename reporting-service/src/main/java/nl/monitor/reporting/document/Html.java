package nl.monitor.reporting.document;

import java.util.List;

/** Small XHTML building blocks of the report documents: escaped text, Dutch numbers, tables with header scopes. */
final class Html {

    /** What a withheld or missing figure reads as. */
    static final String NONE = "–";

    private final StringBuilder out = new StringBuilder();

    static String text(Object value) {
        String text = value == null ? NONE : value.toString();
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A number as the Dutch read it: the JSON's value with a decimal comma ({@code 5.8} is {@code 5,8}). */
    static String number(Number value) {
        return value == null ? NONE : value.toString().replace('.', ',');
    }

    static String percent(Integer value) {
        return value == null ? NONE : value + " %";
    }

    Html raw(String html) {
        out.append(html);
        return this;
    }

    Html heading(int level, String id, String title) {
        out.append("<h").append(level).append(" id=\"").append(id).append("\">").append(text(title))
                .append("</h").append(level).append('>');
        return this;
    }

    Html paragraph(String text) {
        out.append("<p>").append(text(text)).append("</p>");
        return this;
    }

    /**
     * A table with a caption, column headers ({@code scope="col"}) and rows whose first cell heads the row
     * ({@code scope="row"}); cells are already formatted text.
     */
    Html table(String caption, List<String> header, List<List<String>> rows) {
        return table(caption, header, rows, null);
    }

    /** The same with a CSS class on the table ({@code dense}: small type, little padding, for long tables). */
    Html table(String caption, List<String> header, List<List<String>> rows, String cssClass) {
        out.append(cssClass == null ? "<table>" : "<table class=\"" + cssClass + "\">").append("<caption>").append(text(caption)).append("</caption><thead><tr>");
        header.forEach(h -> out.append("<th scope=\"col\">").append(text(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "<th scope=\"row\">" : "<td>").append(text(row.get(c)))
                        .append(c == 0 ? "</th>" : "</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        return this;
    }

    /** A chart as a PNG with its alternative text (the figure's numbers in words). */
    Html figure(String caption, String pngBase64, String alt) {
        out.append("<div class=\"figure\"><img src=\"data:image/png;base64,").append(pngBase64).append("\" alt=\"")
                .append(text(alt)).append("\"/><p class=\"caption\">").append(text(caption)).append("</p></div>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
