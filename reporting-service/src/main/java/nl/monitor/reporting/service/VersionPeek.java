package nl.monitor.reporting.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import nl.monitor.reporting.MunicipalityYear;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads which version of which municipality and year an event holds from its JSON, without decoding or checking the
 * rest: the event's {@code id} and its data's {@code municipality}, {@code year} and the fields its projection ranks
 * versions by ({@link ReplayableProjection#rank}). It stops as soon as it has them — the platform writes them before
 * the answers — so a 9 KB assessment costs a few hundred bytes of parsing. A replay uses it to decode only the
 * versions it keeps ({@link BulkReplay}). Thread-safe.
 *
 * @param version      the data field holding the version number
 * @param rulesVersion the data field holding the rules version, or {@code null} where the event has none (rank 0)
 * @param at           the data field holding the moment the version was made (ISO-8601)
 */
public record VersionPeek(String version, String rulesVersion, String at) {

    private static final JsonFactory JSON = new JsonFactory();

    /** What the peek read: the event's id, its municipality and year, and its rank. */
    public record Peeked(String id, MunicipalityYear key, VersionRank rank) {
    }

    /** The record's id, municipality-year and rank, or {@code null} when its JSON does not hold them as expected. */
    public Peeked read(String json) {
        if (json == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String id = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("id") && value == JsonToken.VALUE_STRING) {
                    id = parser.getText();
                } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
                    return id == null ? null : readData(parser, id);
                } else {
                    parser.skipChildren();
                }
            }
            return null;
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    private Peeked readData(JsonParser parser, String id) throws IOException {
        String municipality = null;
        Integer year = null;
        Integer number = null;
        Integer rules = rulesVersion == null ? 0 : null;
        Instant made = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("municipality") && value == JsonToken.VALUE_STRING) {
                municipality = parser.getText();
            } else if (name.equals("year") && value == JsonToken.VALUE_NUMBER_INT) {
                year = parser.getIntValue();
            } else if (name.equals(version) && value == JsonToken.VALUE_NUMBER_INT) {
                number = parser.getIntValue();
            } else if (name.equals(rulesVersion) && value == JsonToken.VALUE_NUMBER_INT) {
                rules = parser.getIntValue();
            } else if (name.equals(at) && value == JsonToken.VALUE_STRING) {
                made = Instant.parse(parser.getText());
            } else {
                parser.skipChildren();
            }
            if (municipality != null && year != null && number != null && rules != null && made != null) {
                return new Peeked(id, new MunicipalityYear(municipality, year), new VersionRank(number, rules, made));
            }
        }
        return null;
    }
}
