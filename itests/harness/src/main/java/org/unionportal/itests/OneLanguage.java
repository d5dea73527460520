package org.unionportal.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's one-language rule, for the browser tests: a Chinese page shows Chinese only, an English page English only,
 * except what people wrote (names, addresses, notes, a bank's reason: marked {@code ui-verbatim} in the pages) and text
 * an element marks as another language ({@code lang="en"} on the 中文/EN switch). {@link #wrongWord} is the rule on one
 * text; {@link #VISIBLE_TEXT} reads the texts of a page the way a person sees them (see
 * {@link BrowserSession#assertOneLanguage}).
 */
public final class OneLanguage {
    /**
     * Latin words that Chinese software writes in Latin letters too: file formats (what the file chooser and the
     * download say), units of size, and the names of encodings and national standards (UTF-8, GB18030, GB 11643). Data (plan codes, card numbers) is never listed here: the pages mark it
     * {@code ui-verbatim}.
     */
    public static final Set<String> ALLOWED_ON_CHINESE = Set.of("PDF", "JPG", "JPEG", "PNG", "CSV", "XLSX", "XLS", "TXT", "MB",
            "KB", "EXCEL", "UTF", "GB");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    /** A batch line's reference in the bank files (HA-3-40, MA-7-12): an identifier the bank echoes back. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(HA|MA)-\\d+-\\d*");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /**
     * Every text node a person sees on the page, with where it is: [{text, where}]. Left out: what people wrote
     * ({@code .ui-verbatim}), text inside an element whose {@code lang} is the other language, what is not rendered
     * ({@code hidden}, {@code display: none}, {@code visibility: hidden}, a closed dialog), scripts and styles, and the
     * values of inputs (what the test typed). Options count when their select is shown; so do the placeholders of
     * empty shown fields and the labels of input buttons.
     */
    public static final String VISIBLE_TEXT = """
            const page = (document.documentElement.lang || 'zh-CN').toLowerCase().startsWith('en') ? 'en' : 'zh';
            const otherLanguage = (e) => {
              const marked = e.closest('[lang]');
              if (!marked || marked === document.documentElement) return false;
              return (marked.getAttribute('lang').toLowerCase().startsWith('en') ? 'en' : 'zh') !== page;
            };
            const shown = (e) => (typeof e.checkVisibility === 'function'
              ? e.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })
              : e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
            const where = (e) => {
              const path = [];
              for (let n = e; n && n !== document.body && path.length < 4; n = n.parentElement) {
                path.unshift(n.tagName.toLowerCase() + (n.id ? '#' + n.id : '')
                  + (typeof n.className === 'string' && n.className.trim() ? '.' + n.className.trim().split(/\\s+/).join('.') : ''));
              }
              return path.join(' > ');
            };
            const out = [];
            const take = (text, e) => {
              const clean = String(text || '').replace(/\\s+/g, ' ').trim();
              if (clean) out.push({ text: clean, where: where(e) });
            };
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const e = n.parentElement;
              if (!e || e.closest('script, style, noscript, template, textarea, .ui-verbatim') || otherLanguage(e)) continue;
              const box = e.closest('option, optgroup') ? e.closest('select') : e;
              if (!box || !shown(box)) continue;
              take(n.nodeValue, e);
            }
            for (const input of document.body.querySelectorAll('input, textarea')) {
              if (input.closest('.ui-verbatim') || otherLanguage(input) || !shown(input)) continue;
              if (['button', 'submit', 'reset'].includes(input.type)) take(input.value, input);
              else if (!input.value && input.placeholder) take(input.placeholder, input);
            }
            return { language: page, texts: out };
            """;

    private OneLanguage() {
    }

    /** A text on a page and where it is (tags, ids and classes of its element and the elements above it). */
    public record Text(String text, String where) {
    }

    /**
     * The first word of {@code text} that is not in the page's language ({@code "en"} or anything else for Chinese):
     * on the English page a Han character with a few characters around it, on the Chinese page a word of two or more
     * Latin letters that is neither {@link #ALLOWED_ON_CHINESE} nor a bank reference; null when there is none.
     */
    public static String wrongWord(String language, String text) {
        if ("en".equals(language)) {
            Matcher han = HAN.matcher(text);
            return han.find() ? text.substring(Math.max(0, han.start() - 8), Math.min(text.length(), han.end() + 8)) : null;
        }
        Matcher word = LATIN_WORD.matcher(REFERENCE.matcher(text).replaceAll(""));
        while (word.find()) {
            if (!ALLOWED_ON_CHINESE.contains(word.group().toUpperCase())) {
                return word.group();
            }
        }
        return null;
    }

    /** The findings among {@code texts}, one line each (a text repeated, as in a table's rows, once): «word» in: text (where). */
    public static List<String> findings(String language, List<Text> texts) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Text t : texts) {
            String wrong = wrongWord(language, t.text());
            if (wrong != null && seen.add(t.text())) {
                found.add("«" + wrong + "» in: " + t.text() + "  (" + t.where() + ")");
            }
        }
        return found;
    }

    /** {@link #VISIBLE_TEXT}'s answer as texts. */
    @SuppressWarnings("unchecked")
    static List<Text> texts(Map<String, Object> answer) {
        List<Text> texts = new ArrayList<>();
        for (Object o : (List<Object>) answer.get("texts")) {
            Map<String, Object> m = (Map<String, Object>) o;
            texts.add(new Text(String.valueOf(m.get("text")), String.valueOf(m.get("where"))));
        }
        return texts;
    }
}
