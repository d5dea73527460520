package org.unionportal.mutualaid.internal.store;

import org.unionportal.api.db.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.unionportal.mutualaid.internal.rules.FeeBasis;

/** Plans and their versions. */
public final class PlanStore {
    private static final String COLUMNS = "ID, CODE, VERSION, CURRENT_VERSION, NAME_ZH, NAME_EN, TERM_YEARS, FEE_FEN, FEE_BASIS, "
            + "ENROL_FROM, ENROL_UNTIL, COVER_FROM, WAITING_DAYS, RULES, DESCRIPTION_ZH";

    private PlanStore() {
    }

    public static List<Plan> current(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM MA_PLAN WHERE CURRENT_VERSION = ? ORDER BY CODE", PlanStore::map, true);
    }

    public static List<Plan> versions(Connection c, String code) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM MA_PLAN WHERE CODE = ? ORDER BY VERSION", PlanStore::map, code);
    }

    public static Optional<Plan> byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM MA_PLAN WHERE ID = ?", PlanStore::map, id);
    }

    public static Optional<Plan> currentByCode(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM MA_PLAN WHERE CODE = ? AND CURRENT_VERSION = ?", PlanStore::map, code, true);
    }

    /** How many plans are open in their current version (for the console). */
    public static long countCurrent(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM MA_PLAN WHERE CURRENT_VERSION = ?", true);
    }

    public static boolean hasEnrolments(Connection c, long planId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM MA_ENROLMENT WHERE PLAN_ID = ?", planId) > 0;
    }

    /** Inserts {@code plan} as version 1 of a new code, or as the next current version of its code. */
    public static long insertVersion(Connection c, Plan plan, String user) throws SQLException {
        int next = (int) Jdbc.count(c, "SELECT COALESCE(MAX(VERSION), 0) FROM MA_PLAN WHERE CODE = ?", plan.code()) + 1;
        Jdbc.update(c, "UPDATE MA_PLAN SET CURRENT_VERSION = ? WHERE CODE = ?", false, plan.code());
        return Jdbc.insert(c, "INSERT INTO MA_PLAN (CODE, VERSION, CURRENT_VERSION, NAME_ZH, NAME_EN, TERM_YEARS, FEE_FEN, FEE_BASIS, "
                        + "ENROL_FROM, ENROL_UNTIL, COVER_FROM, WAITING_DAYS, RULES, DESCRIPTION_ZH, CREATED_BY, CREATED_AT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                plan.code(), next, true, plan.nameZh(), plan.nameEn(), plan.termYears(), plan.feeFen(), plan.feeBasis(),
                plan.enrolFrom(), plan.enrolUntil(), plan.coverFrom(), plan.waitingDays(), Json.write(plan.rules()),
                plan.descriptionZh(), user, Instant.now());
    }

    /** Changes a version in place; only allowed while nobody is enrolled in it (the caller checks). */
    public static void replace(Connection c, long id, Plan plan) throws SQLException {
        Jdbc.update(c, "UPDATE MA_PLAN SET NAME_ZH = ?, NAME_EN = ?, TERM_YEARS = ?, FEE_FEN = ?, FEE_BASIS = ?, ENROL_FROM = ?, "
                        + "ENROL_UNTIL = ?, COVER_FROM = ?, WAITING_DAYS = ?, RULES = ?, DESCRIPTION_ZH = ? WHERE ID = ?",
                plan.nameZh(), plan.nameEn(), plan.termYears(), plan.feeFen(), plan.feeBasis(), plan.enrolFrom(),
                plan.enrolUntil(), plan.coverFrom(), plan.waitingDays(), Json.write(plan.rules()), plan.descriptionZh(), id);
    }

    static Plan map(ResultSet rs) throws SQLException {
        return new Plan(rs.getLong("ID"), rs.getString("CODE"), rs.getInt("VERSION"), rs.getBoolean("CURRENT_VERSION"),
                rs.getString("NAME_ZH"), rs.getString("NAME_EN"), rs.getInt("TERM_YEARS"), rs.getLong("FEE_FEN"),
                FeeBasis.valueOf(rs.getString("FEE_BASIS")), Jdbc.date(rs, "ENROL_FROM"), Jdbc.date(rs, "ENROL_UNTIL"),
                Jdbc.date(rs, "COVER_FROM"), rs.getInt("WAITING_DAYS"), Json.read(rs.getString("RULES"), Plan.PlanRules.class),
                rs.getString("DESCRIPTION_ZH"));
    }
}
