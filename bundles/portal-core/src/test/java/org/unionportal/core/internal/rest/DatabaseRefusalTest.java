package org.unionportal.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.unionportal.api.db.DataAccessException;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.rest.ProblemException;

/** What the database refuses after the checks passed answers 409 or 422, in the caller's language, never 500. */
class DatabaseRefusalTest {

    private static ProblemException refused(String sqlState) {
        // as SqlDatabase reports it: the driver's exception inside a DataAccessException
        DataAccessException e = new DataAccessException("Database operation failed",
                new SQLIntegrityConstraintViolationException("refused", sqlState));
        return ProblemMapper.refusedByTheDatabase(e).orElseThrow();
    }

    @Test
    void aUniqueKeyTakenMeanwhileIs409Duplicate() {
        ProblemException p = refused("23505");
        assertEquals(409, p.status());
        assertEquals("duplicate", p.code());
        assertFalse(p.message().in(Language.ZH).matches(".*[A-Za-z].*"), p.message().zh());
        assertTrue(p.message().in(Language.EN).startsWith("The same record"));
    }

    @Test
    void otherConstraintsAre409() {
        assertEquals(409, refused("23503").status());
        assertEquals("constraint_conflict", refused("23513").code());
    }

    @Test
    void tooLongTextAndOutOfRangeNumbersAre422() {
        assertEquals(422, refused("22001").status());
        assertEquals("value_too_long", refused("22001").code());
        assertEquals(422, refused("22003").status());
        assertEquals("number_out_of_range", refused("22003").code());
    }

    @Test
    void theColumnsLimitIsNamedFromEitherDatabasesMessage() {
        ProblemException derby = ProblemMapper.dataRefused("22001",
                "A truncation error was encountered trying to shrink VARCHAR 'aaaa&' to length 200.");
        assertEquals("A value is longer than 200 characters and nothing was saved. Shorten it and try again.",
                derby.message().in(Language.EN));
        ProblemException pg = ProblemMapper.dataRefused("22001", "ERROR: value too long for type character varying(64)");
        assertTrue(pg.message().in(Language.ZH).contains("64"), pg.message().zh());
        assertFalse(pg.message().in(Language.EN).contains("varying"));
    }

    @Test
    void otherDataExceptionsAre422WithTheirOwnCode() {
        assertEquals("date_out_of_range", refused("22008").code());
        assertEquals("character_not_allowed", refused("22021").code());
        assertEquals(422, refused("22P02").status());
        assertEquals("value_not_storable", refused("22018").code());
    }

    @Test
    void deadlocksAndLockTimeoutsAre409() {
        assertEquals("concurrent_change", refused("40001").code());
        assertEquals(409, refused("40P01").status());
        assertEquals(409, refused("40XL1").status());
    }

    @Test
    void anOverflowOfExactArithmeticIsA422NotA500() {
        ArithmeticException overflow = assertThrows(ArithmeticException.class, () -> Math.multiplyExact(Long.MAX_VALUE / 2, 3L));
        assertTrue(ProblemMapper.overflowed(new RuntimeException("wrapped", overflow)));
        assertFalse(ProblemMapper.overflowed(new IllegalStateException("no overflow")));
        assertEquals(422, ProblemMapper.OVERFLOW.status());
        assertEquals("number_out_of_range", ProblemMapper.OVERFLOW.code());
    }

    @Test
    void anythingElseStaysAnInternalError() {
        assertTrue(ProblemMapper.refusedByTheDatabase(new DataAccessException("x", new SQLException("syntax", "42X01"))).isEmpty());
        assertTrue(ProblemMapper.refusedByTheDatabase(new IllegalStateException("no SQL at all")).isEmpty());
        assertTrue(ProblemMapper.refusedByTheDatabase(new DataAccessException("x", new SQLException("no state"))).isEmpty());
    }
}
