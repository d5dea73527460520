package org.unionportal.testing.fuzz;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.ws.rs.core.MultivaluedHashMap;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.core.internal.rest.JsonProvider;

/**
 * Sends a request body the way the portal does, in process: read by the portal's own JSON provider (its strict
 * Jackson configuration, its 400s and 413s), then handed to what the resource calls (a service method), against a
 * real database. Every outcome must be a success or a mapped problem: a {@link ProblemException} with a 4xx status, a
 * code and its message in both languages. Anything else would be a 500 (or, for an overflow or a value the
 * database refused, only the last line of defence in the problem mapper) and fails the test with the body that did
 * it. When the request is refused, the database (every table of the schema: row counts and a checksum of the rows)
 * and whatever else was registered with {@link #alsoUnchanged} must be as before: never a half-written change.
 * Sends are serialised (a test's own writes between them must not run while one is compared).
 */
public final class RequestFuzz {
    private static final JsonProvider JSON = new JsonProvider();

    private final PortalDatabase database;
    private final List<Supplier<?>> alsoUnchanged = new ArrayList<>();
    /** The schema's tables, read once (Derby's metadata queries are slow; the fuzz layer asks thousands of times). */
    private List<String> tables;

    private RequestFuzz(PortalDatabase database) {
        this.database = Objects.requireNonNull(database);
    }

    public static RequestFuzz on(PortalDatabase database) {
        return new RequestFuzz(database);
    }

    /** Further state a refused request must leave alone (an audit trail's entries, notifications sent, files kept). */
    public RequestFuzz alsoUnchanged(Supplier<?> state) {
        alsoUnchanged.add(state);
        return this;
    }

    /** What the service behind the resource does with the body read. */
    @FunctionalInterface
    public interface Call<T> {
        void with(T body) throws Exception;
    }

    /**
     * The outcome of one request and the problem's code, returned from a {@link FuzzTries.Try} so that the run's
     * summary shows how much got through and what stopped the rest.
     */
    public record Outcome(String kind, String code) {
        static final Outcome ACCEPTED = new Outcome("accepted", "");

        @Override
        public String toString() {
            return code.isEmpty() ? kind : kind + " " + code;
        }
    }

    /** {@code json} read as {@code type} by the portal's JSON provider and given to {@code call}. */
    public <T> Outcome send(String json, Class<T> type, Call<T> call) {
        return send(json, (Type) type, call);
    }

    @SuppressWarnings("unchecked")
    public synchronized <T> Outcome send(String json, Type type, Call<T> call) {
        T body;
        try {
            body = (T) read(json, type);
        } catch (ProblemException p) {
            assertMapped(p, json);
            return new Outcome("refused as JSON", p.code());
        } catch (Throwable e) {
            throw unmapped("reading the body", e, json);
        }
        return afterTheService("body", json, ignored -> call.with(body), false);
    }

    /** Runs {@code call} and checks its outcome: accepted, or a mapped problem with nothing written. */
    private Outcome afterTheService(String label, String what, Call<Void> call, boolean databaseMayRefuseText) {
        Map<String, String> before = fingerprint();
        List<Object> otherBefore = otherState();
        try {
            call.with(null);
            return Outcome.ACCEPTED;
        } catch (ProblemException p) {
            assertMapped(p, what);
            Map<String, String> after = fingerprint();
            if (!before.equals(after)) {
                throw new AssertionError("Refused with " + p.status() + " " + p.code() + " but the database changed"
                        + changed(before, after) + "; " + label + ": " + shorten(what));
            }
            List<Object> otherAfter = otherState();
            if (!otherBefore.equals(otherAfter)) {
                throw new AssertionError("Refused with " + p.status() + " " + p.code() + " but other state changed: "
                        + otherBefore + " -> " + otherAfter + "; " + label + ": " + shorten(what));
            }
            return new Outcome("refused by the service", p.code());
        } catch (AssertionError nested) {
            throw nested;
        } catch (Throwable e) {
            if (databaseMayRefuseText && isUnstorableCharacter(e) && before.equals(fingerprint()) && otherBefore.equals(otherState())) {
                return UNSTORABLE;
            }
            throw unmapped("the service", e, what);
        }
    }

    /**
     * PostgreSQL refuses a NUL inside text (SQLState 22021, 22P05), which Derby stores; the portal's problem mapper
     * answers it as a 422 {@code character_not_allowed} in both languages and the transaction is rolled back. A JSON
     * body never gets there (the JSON provider refuses a control character in any string, naming the field), but a
     * request that is not JSON (an uploaded file, a query) may: that central answer passes here when nothing was
     * written. Any other refusal by the database is still a failure: the checks should have caught it.
     */
    private static final Outcome UNSTORABLE = new Outcome("refused by the database (central mapping)", "character_not_allowed");

    private static boolean isUnstorableCharacter(Throwable e) {
        SQLException sql = rootSql(e);
        return sql != null && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()));
    }

    /**
     * A request that is not a JSON body (an uploaded file, a query): {@code what} describes it in a failure, and
     * {@code call} sends it to the service. The same assertions as for a JSON body.
     */
    public synchronized Outcome call(String what, Call<Void> call) {
        return afterTheService("request", what, call, true);
    }

    /** The body as the portal's JSON provider reads it (a {@link ProblemException} for what it refuses). */
    public static Object read(String json, Type type) throws java.io.IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> raw = (Class) HostileValues.raw(type);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Length", String.valueOf(bytes.length));
        return JSON.readFrom(raw, type, new Annotation[0], null, headers, new ByteArrayInputStream(bytes));
    }

    /** {@code value} as the portal's JSON provider writes it: a valid example body from a request object a test builds. */
    public static String write(Object value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            JSON.writeTo(value, value.getClass(), value.getClass(), new Annotation[0], null, new MultivaluedHashMap<>(), out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertMapped(ProblemException p, String json) {
        if (p.status() < 400 || p.status() > 499 || p.code() == null || p.code().isBlank()) {
            throw new AssertionError("Not a mapped problem: " + p.status() + " " + p.code() + "; body: " + shorten(json), p);
        }
        if (p.message() == null || p.message().zh().isBlank() || p.message().en().isBlank()) {
            throw new AssertionError("Problem " + p.code() + " lacks a message in one language; body: " + shorten(json), p);
        }
        for (ProblemException.FieldError error : p.errors()) {
            if (error.text().zh().isBlank() || error.text().en().isBlank()) {
                throw new AssertionError("Field error " + error.field() + " lacks a message in one language; body: " + shorten(json), p);
            }
        }
    }

    private static AssertionError unmapped(String where, Throwable e, String json) {
        String kind = e instanceof ArithmeticException ? " (an overflow the input checks let through)"
                : e instanceof RuntimeException && rootSql(e) != null ? " (the database refused what the checks let through: SQLState "
                + rootSql(e).getSQLState() + ")" : "";
        return new AssertionError("Would be a 500: " + e + " from " + where + kind + "; body: " + shorten(json), e);
    }

    private static SQLException rootSql(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private List<Object> otherState() {
        List<Object> state = new ArrayList<>();
        for (Supplier<?> s : alsoUnchanged) {
            state.add(s.get());
        }
        return state;
    }

    /** Every table of the schema: its row count and a checksum of its rows (order does not matter). */
    public Map<String, String> fingerprint() {
        return database.read(c -> {
            Map<String, String> sums = new TreeMap<>();
            if (tables == null) {
                tables = tables(c);
            }
            for (String table : tables) {
                long rows = 0;
                long sum = 0;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        rows++;
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('\u0001');
                        }
                        sum += row.toString().hashCode() * 31L + row.length();
                    }
                }
                sums.put(table, rows + ":" + Long.toHexString(sum));
            }
            return sums;
        });
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No tables in schema " + c.getSchema() + ": the fuzz harness would compare nothing");
        }
        return names;
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        StringBuilder s = new StringBuilder();
        for (String table : after.keySet()) {
            if (!Objects.equals(before.get(table), after.get(table))) {
                s.append(' ').append(table).append(' ').append(before.get(table)).append(" -> ").append(after.get(table));
            }
        }
        return s.toString();
    }

    static String shorten(String json) {
        String oneLine = json.replace("\u0000", "\\u0000");
        return oneLine.length() <= 600 ? oneLine : oneLine.substring(0, 300) + " …(" + oneLine.length() + " chars)… "
                + oneLine.substring(oneLine.length() - 200);
    }
}
