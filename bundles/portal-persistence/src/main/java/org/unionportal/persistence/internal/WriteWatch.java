package org.unionportal.persistence.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Watches a connection for statements that changed rows, so that the write generation grows only after
 * transactions that wrote (a token check that only reads must not clear every answer the modules keep).
 *
 * <p>The connection handed to the work is a proxy; every statement it creates is a proxy too. A statement wrote
 * when {@code executeUpdate}/{@code executeLargeUpdate} counted a row (or ran DDL given as text), when a batch counted a row or could not say
 * ({@link Statement#SUCCESS_NO_INFO}), or when {@code execute} produced an update count (DDL and calls included,
 * whatever the count). An updatable result set's {@code insertRow/updateRow/deleteRow} also counts.
 */
final class WriteWatch {
    private final Connection connection;
    private volatile boolean wrote;

    WriteWatch(Connection real) {
        this.connection = proxy(Connection.class, real, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Statement s && method.getReturnType().isInterface()
                    && Statement.class.isAssignableFrom(method.getReturnType())) {
                return proxy(method.getReturnType(), s, this::statement);
            }
            return result;
        });
    }

    /** The connection to hand to the work. */
    Connection connection() {
        return connection;
    }

    /** Whether a statement run through {@link #connection()} changed (or may have changed) data. */
    boolean wrote() {
        return wrote;
    }

    private Object statement(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
            return connection;
        }
        Object result = invoke(target, method, args);
        switch (method.getName()) {
            case "executeUpdate", "executeLargeUpdate" -> wrote |= ((Number) result).longValue() != 0 || isDdl(args);
            case "executeBatch" -> wrote |= anyRow((int[]) result);
            case "executeLargeBatch" -> wrote |= anyRow((long[]) result);
            case "execute" -> wrote |= !(Boolean) result;
            case "executeQuery", "getResultSet", "getGeneratedKeys" -> {
                if (result instanceof ResultSet rs && rs.getConcurrency() == ResultSet.CONCUR_UPDATABLE) {
                    return proxy(ResultSet.class, rs, this::resultSet);
                }
            }
            default -> {
            }
        }
        return result;
    }

    /** DDL through {@code Statement.executeUpdate(String)} counts no row but changes what later queries see. */
    private static boolean isDdl(Object[] args) {
        if (args == null || args.length == 0 || !(args[0] instanceof String sql)) {
            return false;
        }
        String head = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return !(head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE") || head.startsWith("MERGE"));
    }

    private Object resultSet(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        String name = method.getName();
        if (name.equals("insertRow") || name.equals("updateRow") || name.equals("deleteRow")) {
            wrote = true;
        }
        return result;
    }

    private static boolean anyRow(int[] counts) {
        for (int c : counts) {
            if (c != 0) {
                return true; // a count, SUCCESS_NO_INFO or EXECUTE_FAILED: assume a row changed
            }
        }
        return false;
    }

    private static boolean anyRow(long[] counts) {
        for (long c : counts) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> p == args[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> invoke(target, method, args);
                };
            }
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return handler.handle(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(WriteWatch.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
