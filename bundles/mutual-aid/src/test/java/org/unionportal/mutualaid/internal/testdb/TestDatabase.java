package org.unionportal.mutualaid.internal.testdb;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.unionportal.api.db.Jdbc;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/**
 * The module's schema on a real Derby database on disk, as the portal migrates and serves it
 * ({@link ModuleTestDatabase}), plus helpers that write plans, members and enrolments.
 */
public final class TestDatabase extends ModuleTestDatabase {
    private TestDatabase(Path dir) {
        super(dir, "mutual-aid");
    }

    /** A fresh database in {@code dir} with the module's migrations applied. */
    public static TestDatabase create(Path dir) {
        return new TestDatabase(dir);
    }

    /** A fresh database in memory, for tests that write thousands of times (the fuzz layer). */
    public static TestDatabase inMemory() {
        return new TestDatabase(null);
    }

    public long plan(String code, String nameZh) {
        return inTransaction(c -> Jdbc.insert(c, "INSERT INTO MA_PLAN (CODE, VERSION, CURRENT_VERSION, NAME_ZH, NAME_EN, TERM_YEARS, "
                        + "FEE_FEN, FEE_BASIS, ENROL_FROM, ENROL_UNTIL, COVER_FROM, WAITING_DAYS, RULES, CREATED_BY, CREATED_AT) "
                        + "VALUES (?, 1, ?, ?, ?, 1, 5000, 'PER_YEAR', ?, ?, ?, 30, '{}', 'test', ?)",
                code, true, nameZh, code, LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31), LocalDate.of(2024, 1, 1),
                Instant.now()));
    }

    public long member(String name, String idNumber, String phone, String orgPath) {
        return inTransaction(c -> Jdbc.insert(c, "INSERT INTO MA_MEMBER (ID_NUMBER, NAME, PHONE, GENDER, BIRTH_DATE, CATEGORY, "
                        + "BASIC_INSURANCE, UNION_MEMBER, ORG_ID, ORG_PATH) VALUES (?, ?, ?, 'F', ?, 'EMPLOYEE', ?, ?, 7, ?)",
                idNumber, name, phone, LocalDate.of(1990, 1, 1), true, true, orgPath));
    }

    /** One enrolment in a batch of its own. */
    public long enrolment(long planId, String planCode, long memberId, String orgPath, LocalDate start, LocalDate end,
                          String status) {
        return inTransaction(c -> {
            long batch = Jdbc.insert(c, "INSERT INTO MA_ENROLMENT_BATCH (PLAN_ID, ORG_ID, ORG_PATH, COVER_START, COVER_END, "
                            + "PERSON_COUNT, FEE_TOTAL_FEN, STATUS, CREATED_BY, CREATED_AT) VALUES (?, 7, ?, ?, ?, 1, 5000, ?, 'test', ?)",
                    planId, orgPath, start, end, status, Instant.now());
            return Jdbc.insert(c, "INSERT INTO MA_ENROLMENT (BATCH_ID, PLAN_ID, PLAN_CODE, MEMBER_ID, ORG_PATH, COVER_START, "
                            + "COVER_END, FEE_FEN, RENEWAL, STATUS, LOCK_VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, 5000, ?, ?, 0)",
                    batch, planId, planCode, memberId, orgPath, start, end, false, status);
        });
    }

    /** A one-day hospital stay of an enrolment's member, in {@code status}, computed at 100 CNY. */
    public long claim(long enrolmentId, long memberId, String orgPath, LocalDate day, String status) {
        return inTransaction(c -> Jdbc.insert(c, "INSERT INTO MA_CLAIM (ENROLMENT_ID, MEMBER_ID, ORG_PATH, EVENT_TYPE, EVENT_DATE, "
                        + "ADMISSION_DATE, DISCHARGE_DATE, HOSPITAL, DIAGNOSIS, TOTAL_COST_FEN, BASIC_PAID_FEN, COMMERCIAL_PAID_FEN, "
                        + "STATUS, COMPUTED_FEN, ASSESSMENT, FILED_BY, FILED_AT) "
                        + "VALUES (?, ?, ?, 'HOSPITAL_STAY', ?, ?, ?, '无锡市人民医院', '阑尾炎', 300000, 180000, 0, ?, 10000, '{}', 'test', ?)",
                enrolmentId, memberId, orgPath, day, day, day, status, Instant.now()));
    }
}
