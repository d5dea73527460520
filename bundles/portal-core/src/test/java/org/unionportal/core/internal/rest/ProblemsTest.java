package org.unionportal.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Validation;

class ProblemsTest {

    @Test
    void aProblemSpeaksOnlyTheCallersLanguageAndKeepsItsCode() {
        ProblemException p = ProblemException.notFound("claim_not_found", Text.of("没有这笔理赔", "There is no such claim"));
        Map<String, Object> zh = Problems.body(p, Language.ZH);
        Map<String, Object> en = Problems.body(p, Language.EN);
        assertEquals("claim_not_found", zh.get("code"));
        assertEquals("claim_not_found", en.get("code"));
        assertEquals("没有这笔理赔", zh.get("detail"));
        assertEquals("未找到", zh.get("title"));
        assertEquals("There is no such claim", en.get("detail"));
        assertEquals("Not found", en.get("title"));
        assertEquals(404, zh.get("status"));
    }

    @Test
    void fieldErrorsCarryCodesAndOneLanguage() {
        Validation v = new Validation().requireText("", "name", 10).requireText("x".repeat(11), "note", 10);
        ProblemException p = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, v::throwIfInvalid);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) Problems.body(p, Language.ZH).get("errors");
        assertEquals("required", errors.get(0).get("code"));
        assertEquals("必须填写", errors.get(0).get("message"));
        assertEquals("too_long", errors.get(1).get("code"));
        assertEquals("最多 10 个字", errors.get(1).get("message"));
        Map<String, Object> zh = Problems.body(p, Language.ZH);
        assertFalse(String.valueOf(zh.get("title")).matches(".*[A-Za-z].*"), zh.toString());
        assertFalse(String.valueOf(zh.get("detail")).matches(".*[A-Za-z].*"), zh.toString());
        assertEquals("invalid_input", p.code());
    }
}
