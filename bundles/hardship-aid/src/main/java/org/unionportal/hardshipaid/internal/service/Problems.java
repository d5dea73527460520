package org.unionportal.hardshipaid.internal.service;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;

/** The module's problem answers that more than one service gives, each with its stable code. */
final class Problems {
    private Problems() {
    }

    static Text householdNotFound(long id) {
        return Text.of("在您所在的工会范围内没有编号为 " + id + " 的困难家庭", "There is no household " + id + " in your part of the union tree");
    }

    static Text batchNotFound(long id) {
        return Text.of("在您所在的工会范围内没有编号为 " + id + " 的发放批次", "There is no payment batch " + id + " in your part of the union tree");
    }

    static Text awardNotFound(long id) {
        return Text.of("在您所在的工会范围内没有编号为 " + id + " 的兜底申请", "There is no safety-net award " + id + " in your part of the union tree");
    }

    /** 409: the record is not in the state the action needs. */
    static ProblemException wrongState(String code, String zh, String en, Labelled current) {
        return ProblemException.conflict(code, Text.of(zh + "（当前为“" + current.label().zh() + "”）",
                en + " (it is " + current.label().en().toLowerCase(java.util.Locale.ROOT) + ")"));
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("invalid_year", Text.of("年份应如 2026", "The year must be a year like 2026"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
