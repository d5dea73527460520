package org.unionportal.api.i18n;

import java.util.Objects;

/**
 * One message in Chinese and English. A person sees exactly one of the two: {@link #in(Language)}.
 * Placeholders are filled by the caller before it builds the text (amounts in 元, never 分).
 */
public record Text(String zh, String en) {

    public Text {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    public String in(Language language) {
        return language == Language.EN ? en : zh;
    }

    /** Both languages joined by {@code joiner} (each side with its own language's parts). */
    public Text append(String joinerZh, String joinerEn, Text next) {
        return new Text(zh + joinerZh + next.zh, en + joinerEn + next.en);
    }
}
