package nl.monitor.reporting.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Query;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows to write in one statement however many there are: one array parameter per column, which PostgreSQL turns back
 * into rows with {@code unnest}. A batch of a replay writes thousands of rows so, with as many parameters as columns
 * (a multi-row {@code VALUES} list would bind one per value and stop at 65,535).
 */
final class ColumnArrays {

    /** Writes the values of {@link Type#JSONB} columns: records, lists and maps of plain values. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A column's PostgreSQL type and the Java type its values are bound as. */
    enum Type {
        TEXT("text", String.class), INT("int", Integer.class), FLOAT8("float8", Double.class),
        BOOL("bool", Boolean.class), UUID("uuid", String.class), TIMESTAMPTZ("timestamptz", String.class),
        JSONB("jsonb", String.class);

        private final String sql;
        private final Class<?> bound;

        Type(String sql, Class<?> bound) {
            this.sql = sql;
            this.bound = bound;
        }

        /** Parameter {@code n} cast to this type's array; uuid, timestamps and JSON travel as text. */
        private String cast(int n) {
            String parameter = "CAST(?" + n + " AS " + (bound == String.class ? "text" : sql) + "[])";
            return bound == String.class && this != TEXT ? "CAST(" + parameter + " AS " + sql + "[])" : parameter;
        }

        /** The value as bound: a JSONB column's value (a record, list or map) as its JSON, others as they are. */
        private Object bindable(Object value) {
            if (value == null || bound != String.class) {
                return value;
            }
            return this == JSONB ? json(value) : value.toString();
        }

        private static String json(Object value) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Not writable as JSON: " + value.getClass().getName(), e);
            }
        }
    }

    private final Type[] types;
    private final List<Object[]> rows = new ArrayList<>();

    ColumnArrays(Type... types) {
        this.types = types;
    }

    /** Adds a row: one value per column, in the order of the types. */
    ColumnArrays add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " columns");
        }
        rows.add(values);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** {@code unnest(CAST(?first AS type[]), ...)}: the rows as a table expression, parameters numbered from {@code first}. */
    String unnest(int first) {
        StringBuilder sql = new StringBuilder("unnest(");
        for (int c = 0; c < types.length; c++) {
            sql.append(c == 0 ? "" : ", ").append(types[c].cast(first + c));
        }
        return sql.append(')').toString();
    }

    /** Binds one array per column to parameters {@code first}, {@code first + 1}, ... */
    Query bind(Query query, int first) {
        for (int c = 0; c < types.length; c++) {
            Object column = Array.newInstance(types[c].bound, rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Array.set(column, r, types[c].bindable(rows.get(r)[c]));
            }
            query.setParameter(first + c, column);
        }
        return query;
    }
}
