package org.unionportal.api.scope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code WHERE} clause built from a {@link DataScope}'s condition and more conditions, with
 * its parameters in order. Not thread-safe; build one per query.
 */
public final class Where {
    private final StringBuilder sql = new StringBuilder("WHERE ");
    private final List<Object> params = new ArrayList<>();

    Where(Condition scope) {
        sql.append(scope.sql());
        params.add(scope.parameter());
    }

    Where(String condition, List<?> parameters) {
        sql.append(condition);
        params.addAll(parameters);
    }

    /** Adds {@code AND (condition)} with the condition's parameters. */
    public Where and(String condition, Object... parameters) {
        sql.append(" AND (").append(condition).append(')');
        Collections.addAll(params, parameters);
        return this;
    }

    /** Adds the condition only when {@code value} is not null, with {@code value} as its one parameter. */
    public Where andIfPresent(String condition, Object value) {
        return value == null ? this : and(condition, value);
    }

    /** {@code WHERE ...}, to put after the FROM clause. */
    public String sql() {
        return sql.toString();
    }

    /** The parameters, in order, for {@code Jdbc.list(c, sql, mapper, where.params())}. */
    public Object[] params() {
        return params.toArray();
    }

    /** The parameters followed by {@code more} (e.g. offset and limit). */
    public Object[] paramsAnd(Object... more) {
        List<Object> all = new ArrayList<>(params);
        Collections.addAll(all, more);
        return all.toArray();
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
