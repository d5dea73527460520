package org.unionportal.core.internal.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Every string of a request body, refused when it holds a C0 control character other than tab, CR and LF (escaped
 * in JSON as {@code \u0000} … {@code \u001f}): no field of the portal takes one, PostgreSQL cannot store a NUL at
 * all (Derby would), and the others are invisible on a page. Refused here, before any service runs, the answer is
 * the same 422 naming the field on both databases. Reading itself is Jackson's (its coercion rules included).
 */
final class PlainTextDeserializer extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && controlCharacterIn(value) >= 0) {
            throw new ControlCharacterException(parser);
        }
        return value;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
        return "";
    }

    /** The index of the first C0 control character other than tab, CR and LF, or -1. */
    static int controlCharacterIn(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    /** A string with a control character; Jackson adds the field's path as it unwinds. */
    static final class ControlCharacterException extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        ControlCharacterException(JsonParser parser) {
            super(parser, "A control character in a string");
        }
    }
}
