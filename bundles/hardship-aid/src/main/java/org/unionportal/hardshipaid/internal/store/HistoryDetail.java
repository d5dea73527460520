package org.unionportal.hardshipaid.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A history step's data as it is stored (HA_HISTORY.DETAIL): a small JSON object. */
final class HistoryDetail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** The column's size: a step too long for it (a file name of hundreds of characters) keeps its code only. */
    private static final int MAX = 2000;

    private HistoryDetail() {
    }

    static String write(Map<String, Object> detail) {
        try {
            String json = JSON.writeValueAsString(detail);
            return json.length() <= MAX ? json : JSON.writeValueAsString(Map.of("step", detail.get("step")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history detail " + detail, e);
        }
    }

    /** Null (a row written before hardship V4) stays null; so does a detail that cannot be read (the page shows the note). */
    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }
}
