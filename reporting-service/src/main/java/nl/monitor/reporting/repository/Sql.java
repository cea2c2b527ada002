package nl.monitor.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read-only queries of the reports over the read models, in plain JDBC: one query, the rows back. */
@ApplicationScoped
public class Sql {

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row of a result, its columns by (lower-case) label. */
    public record Row(Map<String, Object> columns) {

        public int integer(String column) {
            Object value = columns.get(column);
            return value == null ? 0 : ((Number) value).intValue();
        }

        public Integer nullableInteger(String column) {
            Object value = columns.get(column);
            return value == null ? null : ((Number) value).intValue();
        }

        public long count(String column) {
            Object value = columns.get(column);
            return value == null ? 0 : ((Number) value).longValue();
        }

        public Double decimal(String column) {
            Object value = columns.get(column);
            return value == null ? null : ((Number) value).doubleValue();
        }

        public String text(String column) {
            Object value = columns.get(column);
            return value == null ? null : value.toString();
        }
    }

    public List<Row> query(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> columns = new HashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.put(meta.getColumnLabel(c).toLowerCase(), result.getObject(c));
                    }
                    rows.add(new Row(columns));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
        }
    }

    public List<Row> query(String sql, Object... parameters) {
        return query(sql, List.of(parameters));
    }
}
