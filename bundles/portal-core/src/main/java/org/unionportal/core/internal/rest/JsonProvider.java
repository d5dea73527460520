package org.unionportal.core.internal.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionportal.api.export.Download;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.rest.ProblemException;

/**
 * JSON in and out with Jackson. Written here rather than taken from jackson-jaxrs-json-provider
 * because that one drags JAXB into the runtime, and because reading must turn every malformed or
 * mistyped body into a 400 that names the field, and refuse bodies over the size limit.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsApplicationSelect(PortalRest.APPLICATION_SELECT)
@JaxrsName(PortalRest.JSON_EXTENSION)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    static final ObjectMapper MAPPER = createMapper();

    static ObjectMapper createMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        // "123" is not a name and 123 is not text: wrong types are errors, not silent conversions.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // 20000 is not a date (Jackson would read it as days since 1970) and 0 is not an enum code (its ordinal):
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.configOverride(java.time.LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(java.time.LocalDateTime.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(java.time.Instant.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(java.time.YearMonth.class).setFormat(JsonFormat.Value.forLeniency(false));
        // [null] is not a list of causes: a null inside a list or map is refused, never handed to a service
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        // a NUL or another control character in any string: one 422 naming the field, on every database
        mapper.registerModule(new SimpleModule("portal-plain-text").addDeserializer(String.class, new PlainTextDeserializer()));
        return mapper;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !InputStream.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        String length = headers.getFirst("Content-Length");
        if (length != null && parseLength(length) > PortalRest.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        LimitedInputStream limited = new LimitedInputStream(entity, PortalRest.MAX_BODY_BYTES);
        try {
            Object value = MAPPER.readerFor(MAPPER.constructType(genericType)).readValue(limited);
            if (value == null) {
                throw ProblemException.badRequest("body_empty", Text.of("请求内容为空，请发送一个 JSON 对象。",
                        "The request body is empty; send a JSON object."));
            }
            return value;
        } catch (LimitedInputStream.TooLargeException e) {
            throw tooLarge();
        } catch (ValueInstantiationException e) {
            // A record's constructor refused the value (a rule of the type itself): a field error, not bad JSON.
            if (e.getCause() instanceof ProblemException p) {
                throw p;
            }
            String field = path(e);
            throw ProblemException.invalid(List.of(refusedByTheType(field == null ? "body" : field, e.getCause())));
        } catch (PlainTextDeserializer.ControlCharacterException e) {
            String field = path(e);
            throw ProblemException.invalid(List.of(controlCharacter(field == null ? "body" : field)));
        } catch (JsonProcessingException e) {
            if (limited.exceeded()) {
                throw tooLarge();
            }
            throw ProblemException.badRequest(e instanceof UnrecognizedPropertyException ? "unknown_field" : "body_invalid",
                    describe(e));
        }
    }

    /**
     * The field error for a value a type's constructor refused. A rule's own {@link IllegalArgumentException}
     * says what is wrong (in English, written for this purpose); anything else (a null where the type needs a
     * value, a JDK message) says only that the field is required or invalid: Java's messages never leave the server.
     */
    static ProblemException.FieldError refusedByTheType(String field, Throwable cause) {
        if (cause instanceof NullPointerException) {
            return ProblemException.FieldError.of(field, "required", "此项必填", "This field is required.");
        }
        String rule = cause instanceof IllegalArgumentException && !(cause instanceof NumberFormatException)
                && cause.getMessage() != null && !looksInternal(cause.getMessage()) ? cause.getMessage() : "This value is not valid.";
        return ProblemException.FieldError.of(field, "value_invalid", "填写的值不符合要求", rule);
    }

    static ProblemException.FieldError controlCharacter(String field) {
        return ProblemException.FieldError.of(field, "character_not_allowed",
                "不能含有控制字符（如空字符 NUL），换行和制表符除外",
                "Must not contain control characters (such as NUL); line breaks and tabs are allowed.");
    }

    private static boolean looksInternal(String message) {
        return message.contains("java.") || message.contains("Exception") || message.contains("because \"")
                || message.contains("Cannot invoke") || message.contains("com.fasterxml") || message.contains("org.");
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static ProblemException tooLarge() {
        long kib = PortalRest.MAX_BODY_BYTES / 1024;
        return new ProblemException(413, "body_too_large", Text.of("请求内容超过 " + kib + " KiB，请分批发送。",
                "The request body is larger than " + kib + " KiB; send less data at once."));
    }

    /** A message a person can act on, naming the field and what was expected, never Jackson's internals. */
    static Text describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return Text.of("未知字段“" + u.getPropertyName() + "”。", "Unknown field '" + u.getPropertyName() + "'.");
        }
        String field = path(e);
        if (e instanceof InvalidNullException && field != null) {
            return Text.of("字段“" + field + "”不能为空值（null）。", "Field '" + field + "' must not be null.");
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            return field == null ? Text.of("数字超出允许的范围。", "A number is out of the range this field takes.")
                    : Text.of("字段“" + field + "”的数字超出允许的范围。", "Field '" + field + "' has a number out of the range it takes.");
        }
        if (e instanceof InvalidFormatException f && field != null) {
            Text type = kind(f.getTargetType());
            return Text.of("字段“" + field + "”的值无效，应为" + type.zh() + "。",
                    "Field '" + field + "' has a value that is not valid; expected " + type.en() + ".");
        }
        if (e instanceof MismatchedInputException mi && field != null) {
            Text type = kind(mi.getTargetType());
            return Text.of("字段“" + field + "”的类型不对，应为" + type.zh() + "。",
                    "Field '" + field + "' has the wrong type; expected " + type.en() + ".");
        }
        if (e instanceof MismatchedInputException mi) {
            Text type = kind(mi.getTargetType());
            return Text.of("请求内容的结构不对，应为" + type.zh() + "。", "The body has the wrong shape; expected " + type.en() + ".");
        }
        var location = e.getLocation();
        return location == null ? Text.of("请求内容不是有效的 JSON。", "The body is not valid JSON.")
                : Text.of("请求内容不是有效的 JSON（第 " + location.getLineNr() + " 行，第 " + location.getColumnNr() + " 列）。",
                        "The body is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ").");
    }

    /** What a value of the type is called, in both languages. */
    private static Text kind(Class<?> type) {
        if (type == null) {
            return Text.of("值", "value");
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return Text.of("文本", "text");
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return Text.of("数字", "number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Text.of(" true 或 false", "true or false");
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return Text.of("列表", "a list");
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return type == java.time.LocalDate.class ? Text.of("日期（如 2026-03-01）", "a date such as 2026-03-01")
                    : Text.of("日期时间（ISO 8601）", "a date and time (ISO 8601)");
        }
        if (type.isEnum()) {
            String values = java.util.Arrays.toString(type.getEnumConstants());
            return Text.of("以下之一：" + values, "one of " + values);
        }
        return Text.of("对象", "an object");
    }

    /** The JSON path of the field a mapping error is about, e.g. {@code benefits.medical.sharePercent}. */
    static String path(JsonProcessingException e) {
        return e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        // JSON a resource already has as bytes (a kept answer) goes out as it is, through the standard writers.
        return isJson(mediaType) && type != byte[].class && !StreamingOutput.class.isAssignableFrom(type)
                && !InputStream.class.isAssignableFrom(type) && !Download.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        MAPPER.writeValue(new NonClosingOutputStream(entity), value);
    }

    private static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return true;
        }
        String subtype = mediaType.getSubtype();
        return "json".equals(subtype) || subtype.endsWith("+json") || mediaType.isWildcardSubtype();
    }

    /** The container closes the response stream, not the mapper. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
