package org.unionportal.api.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void chineseUnlessEnglishIsAskedFor() {
        assertEquals(Language.ZH, Language.fromAcceptLanguage(null));
        assertEquals(Language.ZH, Language.fromAcceptLanguage(""));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("fr-FR"));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en-GB, zh;q=0.5"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("zh;q=0.2, en-US;q=0.9"));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("en;q=bogus, zh"));
    }

    @Test
    void aTextShowsOneLanguage() {
        Text t = Text.of("必须填写", "must not be empty");
        assertEquals("必须填写", t.in(Language.ZH));
        assertEquals("must not be empty", t.in(Language.EN));
        assertEquals(Language.EN, Language.fromTag("en"));
        assertEquals(Language.ZH, Language.fromTag("zh-CN"));
    }

    @Test
    void aConsoleCommandSpeaksItsOptionOrTheSystemLanguage() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            assertEquals(Language.ZH, Language.forConsole(null));
            assertEquals(Language.EN, Language.forConsole("en"));
            java.util.Locale.setDefault(java.util.Locale.US);
            assertEquals(Language.EN, Language.forConsole(" "));
            assertEquals(Language.ZH, Language.forConsole("zh"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
