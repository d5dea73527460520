package org.unionportal.api.scope;

import java.util.regex.Pattern;

/**
 * One SQL condition with its one parameter, e.g. {@code H.ORG_PATH LIKE ?} and {@code /1/3/%}.
 *
 * @param sql       the condition, with one {@code ?}
 * @param parameter the value for that {@code ?}
 */
public record Condition(String sql, Object parameter) {
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** {@code " AND " + sql}, to append to a query that has a WHERE already. */
    public String and() {
        return " AND " + sql;
    }

    static String column(String column) {
        if (column == null || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a column name: " + column);
        }
        return column;
    }
}
