package org.unionportal.api.i18n;

import java.util.Locale;

/** The languages the portal speaks. Chinese is the default: the portal's users are Chinese first. */
public enum Language {
    ZH("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag the pages use ({@code zh-CN}, {@code en}). */
    public String tag() {
        return tag;
    }

    /**
     * The caller's language from an {@code Accept-Language} header: the first range naming
     * English or Chinese wins (weights are honoured); anything else, or nothing, is Chinese.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        Language best = ZH;
        double bestWeight = -1;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String range = pieces[0].trim().toLowerCase(Locale.ROOT);
            double weight = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            Language lang = range.startsWith("en") ? EN : range.startsWith("zh") ? ZH : null;
            if (lang != null && weight > bestWeight) {
                best = lang;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** {@code en…} is English, anything else Chinese (a shell's or a page's own choice). */
    public static Language fromTag(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }

    /**
     * The language of a console command: its {@code --lang} option when given ({@code en…} English,
     * anything else Chinese), otherwise the language of the system the console runs on (Chinese on a
     * Chinese system, English elsewhere, since an administrator's terminal may not show Chinese).
     */
    public static Language forConsole(String option) {
        if (option != null && !option.isBlank()) {
            return fromTag(option.strip());
        }
        return "zh".equals(Locale.getDefault().getLanguage()) ? ZH : EN;
    }
}
