package nl.monitor.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Splits one RFC 4180 CSV line: fields separated by commas, optionally quoted, "" inside quotes for a quote. */
final class CsvLine {

    private CsvLine() {
    }

    /** One data row of a CSV and the line it stands on (1 is the header). */
    record Row(int line, List<String> fields) {

        String get(int index) {
            return fields.get(index);
        }
    }

    /**
     * The data rows of a CSV whose first line must be {@code header}, each with as many fields as the header; blank
     * lines are skipped. A wrong header or a row of another width is refused naming its line.
     */
    static List<Row> rows(Reader csv, String header) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        String first = reader.readLine();
        if (first == null || !first.strip().replace("\uFEFF", "").equals(header)) {
            throw new IllegalArgumentException("Expected the header " + header + " but found " + first);
        }
        int width = header.split(",").length;
        List<Row> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() != width) {
                throw new IllegalArgumentException("Line " + number + " has " + fields.size() + " fields, not " + width);
            }
            rows.add(new Row(number, fields));
        }
        return rows;
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unclosed quote in: " + line);
        }
        fields.add(field.toString());
        return fields;
    }
}
