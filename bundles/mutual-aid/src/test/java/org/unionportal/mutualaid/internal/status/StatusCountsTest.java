package org.unionportal.mutualaid.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.module.Figure;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

class StatusCountsTest {
    static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    @TempDir
    Path dir;

    @Test
    void countsCoversAndClaimsByStatusWithWorkWaitingForStaffAsPending() {
        TestDatabase db = TestDatabase.create(dir);
        long plan = db.plan("WX-3IN1", "三合一");
        long chen = db.member("陈静", "320202199207150021", "13961000002", "/1/2/5/");
        long active = db.enrolment(plan, "WX-3IN1", chen, "/1/2/5/", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "ACTIVE");
        db.enrolment(plan, "WX-3IN1", chen, "/1/2/5/", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "ACTIVE");
        long li = db.member("李娜", "320202198503010021", "13961000003", "/1/2/5/");
        db.enrolment(plan, "WX-3IN1", li, "/1/2/5/", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "PENDING_PAYMENT");
        db.enrolment(plan, "WX-3IN1", li, "/1/2/5/", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "PENDING_PAYMENT");
        db.claim(active, chen, "/1/2/5/", LocalDate.of(2025, 3, 1), "SUBMITTED");
        db.claim(active, chen, "/1/2/5/", LocalDate.of(2025, 4, 1), "SUBMITTED");
        db.claim(active, chen, "/1/2/5/", LocalDate.of(2025, 5, 1), "DRAFT");

        List<Figure> figures = db.read(c -> StatusCounts.figures(c, TODAY));
        Map<String, Figure> byCode = figures.stream().collect(Collectors.toMap(Figure::code, Function.identity()));
        assertEquals(1, byCode.get("plans.current").value());
        assertEquals(1, byCode.get("enrolments.active").value(), "the cover that ended last year is not active");
        assertEquals(1, byCode.get("enrolments.pendingPayment").value(), "last year's unpaid cover no longer waits for payment");
        assertEquals(2, byCode.get("claims.SUBMITTED").value());
        assertTrue(byCode.get("claims.SUBMITTED").pending());
        assertEquals(1, byCode.get("claims.DRAFT").value());
        assertEquals(0, byCode.get("claims.PAID").value());
        assertEquals(Figure.Unit.FEN, byCode.get("payouts.totalFen").unit());
        assertEquals("待审核理赔", byCode.get("claims.SUBMITTED").label().zh());
    }
}
