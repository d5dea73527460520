package org.unionportal.mutualaid.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON for what the module keeps as documents (plan rules, claim assessments). */
public final class Json {
    // Stored documents are read by later versions too: unknown fields are ignored, not errors.
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Plain JSON values (text, numbers, lists, maps) as UTF-8 bytes, as the portal's API would write them. */
    public static byte[] bytes(Object plainValues) {
        try {
            return MAPPER.writeValueAsBytes(plainValues);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + plainValues.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
