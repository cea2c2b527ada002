package nl.monitor.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The reports' read-only queries over the read models, through the same Hibernate session as the projections' writes:
 * native SQL (the reports count JSONB options and unnest goals, which HQL cannot say), each row a {@link Row} of named,
 * typed columns.
 */
@ApplicationScoped
public class ReportQueries {

    private final EntityManager entityManager;

    public ReportQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One row of a result, its columns by their (lower-case) SQL labels. */
    public record Row(Tuple tuple) {

        public int integer(String column) {
            Number value = tuple.get(column, Number.class);
            return value == null ? 0 : value.intValue();
        }

        public Integer nullableInteger(String column) {
            Number value = tuple.get(column, Number.class);
            return value == null ? null : value.intValue();
        }

        public long count(String column) {
            Number value = tuple.get(column, Number.class);
            return value == null ? 0 : value.longValue();
        }

        public Double decimal(String column) {
            Number value = tuple.get(column, Number.class);
            return value == null ? null : value.doubleValue();
        }

        public String text(String column) {
            Object value = tuple.get(column);
            return value == null ? null : value.toString();
        }

        /** A boolean column; null counts as false. */
        public boolean flag(String column) {
            return Boolean.TRUE.equals(tuple.get(column, Boolean.class));
        }
    }

    /**
     * Which copy of the read model a query reads: the live tables, or the copies last released to respondents and
     * coordinators ({@code released_*}, V14; see {@code service/Releases}). A report's SQL names the live tables; read
     * from the released model, each of the four released tables is named by its copy instead.
     */
    public enum ReadModel {
        LIVE, RELEASED;

        private static final Pattern RELEASED_TABLES = Pattern.compile(
                "\\b(" + String.join("|", ReleasedReadModel.TABLES) + ")\\b");

        /** The SQL with the tables of this read model. */
        public String tables(String sql) {
            return this == LIVE ? sql : RELEASED_TABLES.matcher(sql).replaceAll("released_$1");
        }
    }

    public List<Row> query(ReadModel model, String sql, List<Object> parameters) {
        return query(model.tables(sql), parameters);
    }

    public List<Row> query(ReadModel model, String sql, Object... parameters) {
        return query(model.tables(sql), List.of(parameters));
    }

    public List<Row> query(String sql, List<Object> parameters) {
        Query query = entityManager.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(Row::new).toList();
    }

    public List<Row> query(String sql, Object... parameters) {
        return query(sql, List.of(parameters));
    }
}
