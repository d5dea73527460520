package org.unionportal.core.internal.settings;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A configuration's own properties as one text for {@code PORTAL_SETTING}: sorted {@code key=type:value} lines
 * (types s, i, l, b, d: String, Integer, Long, Boolean, Double), so that two nodes' configurations compare equal
 * exactly when their values do. Karaf's bookkeeping properties (pid, the file it came from) are not part of it;
 * values of other types are left out.
 */
final class SettingsCodec {
    static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename", "org.apache.karaf.features.configKey");

    private SettingsCodec() {
    }

    static String encode(Dictionary<String, ?> properties) {
        Map<String, String> lines = new TreeMap<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                String typed = typed(properties.get(key));
                if (!BOOKKEEPING.contains(key) && typed != null && !key.contains("=") && !key.contains("\n")) {
                    lines.put(key, typed);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    static Map<String, Object> decode(String text) {
        Map<String, Object> values = new TreeMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.length() < eq + 3 || line.charAt(eq + 2) != ':') {
                continue;
            }
            String raw = unescape(line.substring(eq + 3));
            Object value = switch (line.charAt(eq + 1)) {
                case 'i' -> Integer.valueOf(raw);
                case 'l' -> Long.valueOf(raw);
                case 'b' -> Boolean.valueOf(raw);
                case 'd' -> Double.valueOf(raw);
                default -> raw;
            };
            values.put(line.substring(0, eq), value);
        }
        return values;
    }

    private static String typed(Object v) {
        if (v instanceof String s) {
            return "s:" + escape(s);
        } else if (v instanceof Integer i) {
            return "i:" + i;
        } else if (v instanceof Long l) {
            return "l:" + l;
        } else if (v instanceof Boolean b) {
            return "b:" + b;
        } else if (v instanceof Double d) {
            return "d:" + d;
        }
        return null;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
