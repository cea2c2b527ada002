package nl.monitor.reporting.repository;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;

/** All rows of a table in one INSERT statement: one round trip where a projection writes many rows. */
final class MultiRowInsert {

    private MultiRowInsert() {
    }

    /** Inserts {@code rows} (each the values of the columns, in order) into {@code table (columns...)}. */
    static void insert(EntityManager entityManager, String tableAndColumns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tableAndColumns).append(" VALUES ");
        int parameter = 0;
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < rows.get(r).size(); c++) {
                sql.append(c == 0 ? "?" : ", ?").append(++parameter);
            }
            sql.append(')');
        }
        Query insert = entityManager.createNativeQuery(sql.toString());
        parameter = 0;
        for (List<Object> row : rows) {
            for (Object value : row) {
                insert.setParameter(++parameter, value);
            }
        }
        insert.executeUpdate();
    }
}
