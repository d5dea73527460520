package org.unionportal.api.scope;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;

/**
 * The part of the union tree a caller may see: the subtree of its organisation. Every module
 * query goes through it, so a forgotten condition is not possible to write by accident:
 *
 * <pre>
 * DataScope scope = DataScope.of(user);
 * Where where = scope.where("H.ORG_PATH").and("H.STATUS = ?", status);
 * Jdbc.list(c, "SELECT ... FROM HA_HOUSEHOLD H " + where.sql() + " ORDER BY H.ID", mapper, where.params());
 *
 * Household h = scope.visible(store.byId(c, id), Household::orgPath,
 *         "household_not_found", Text.of("没有这个困难职工家庭档案", "There is no such household"));
 * </pre>
 *
 * A record outside the subtree is answered exactly like one that does not exist (404), so its
 * existence is not revealed.
 */
public final class DataScope {
    /** A materialised path of ids: {@code /1/}, {@code /1/3/8/}. Nothing else may go into a LIKE pattern. */
    private static final Pattern PATH = Pattern.compile("/(\\d+/)*");

    private final String orgPath;

    private DataScope(String orgPath) {
        if (orgPath == null || !PATH.matcher(orgPath).matches()) {
            throw new IllegalArgumentException("Not an organisation path: " + orgPath);
        }
        this.orgPath = orgPath;
    }

    /** The caller's scope: its organisation's subtree. */
    public static DataScope of(PortalUser user) {
        return new DataScope(user.orgPath());
    }

    /** The subtree below (and including) the organisation with {@code orgPath}, e.g. {@code /1/3/}. */
    public static DataScope subtree(String orgPath) {
        return new DataScope(orgPath);
    }

    /** The path of the scope's top organisation. */
    public String orgPath() {
        return orgPath;
    }

    /** The SQL LIKE pattern of the subtree ({@code /1/3/%}). Prefer {@link #on(String)} or {@link #where(String)}. */
    public String pattern() {
        return orgPath + "%";
    }

    /** Whether a record of the organisation with {@code recordOrgPath} lies in the scope. */
    public boolean covers(String recordOrgPath) {
        return recordOrgPath != null && recordOrgPath.startsWith(orgPath);
    }

    /** Whether another scope lies wholly inside this one. */
    public boolean covers(DataScope other) {
        return covers(other.orgPath);
    }

    /** The condition {@code column LIKE ?} with its one parameter, for a query on an organisation-path column. */
    public Condition on(String column) {
        return new Condition(Condition.column(column) + " LIKE ?", pattern());
    }

    /** A {@code WHERE} clause that starts with this scope's condition on {@code column}; add more with {@link Where#and}. */
    public Where where(String column) {
        return new Where(on(column));
    }

    /**
     * The organisations from the tree's root down to this scope's own, as paths ({@code /1/3/8/} gives {@code /1/},
     * {@code /1/3/}, {@code /1/3/8/}): whoever sits there reaches this organisation with what it publishes to its subtree.
     *
     * @since 1.1
     */
    public java.util.List<String> ancestry() {
        java.util.List<String> paths = new java.util.ArrayList<>();
        for (int i = orgPath.indexOf('/', 1); i > 0; i = orgPath.indexOf('/', i + 1)) {
            paths.add(orgPath.substring(0, i + 1));
        }
        return paths;
    }

    /**
     * A {@code WHERE} clause for records addressed to a subtree that contains this scope (a notice published by the city
     * reaches every district): {@code column IN (the paths of} {@link #ancestry()}{@code )}.
     *
     * @since 1.1
     */
    public Where reachedBy(String column) {
        java.util.List<String> paths = ancestry();
        if (paths.isEmpty()) {
            return new Where("1 = 0", paths);   // the bare root "/" is no organisation
        }
        String marks = String.join(", ", java.util.Collections.nCopies(paths.size(), "?"));
        return new Where(Condition.column(column) + " IN (" + marks + ")", paths);
    }

    /**
     * Checks one record's organisation: returns quietly inside the scope, otherwise throws 404 with
     * the given stable code and message (the same answer as for a record that does not exist).
     */
    public void require(String recordOrgPath, String notFoundCode, Text notFound) {
        if (!covers(recordOrgPath)) {
            throw ProblemException.notFound(notFoundCode, notFound);
        }
    }

    /**
     * The record if it exists and lies in the scope, else 404 with the given code and message:
     * {@code scope.visible(store.byId(c, id), Claim::orgPath, "claim_not_found", text)}.
     */
    public <T> T visible(Optional<T> record, Function<? super T, String> orgPathOf, String notFoundCode, Text notFound) {
        Objects.requireNonNull(orgPathOf, "orgPathOf");
        return record.filter(r -> covers(orgPathOf.apply(r)))
                .orElseThrow(() -> ProblemException.notFound(notFoundCode, notFound));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataScope other && other.orgPath.equals(orgPath);
    }

    @Override
    public int hashCode() {
        return orgPath.hashCode();
    }

    @Override
    public String toString() {
        return "DataScope" + orgPath;
    }
}
