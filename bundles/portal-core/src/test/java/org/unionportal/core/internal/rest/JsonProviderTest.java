package org.unionportal.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.rest.ProblemException;

class JsonProviderTest {
    public record Login(String username, String password) {
    }

    public record Counted(int count) {
    }

    public record Share(Percent percent) {
    }

    public record Percent(int value) {
        public Percent {
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException("must be 0 to 100");
            }
        }
    }

    public enum Kind { DEATH, ILLNESS }

    public record Event(java.time.LocalDate eventDate, Kind eventType, java.util.List<String> causes, long amountFen) {
    }

    public record Named(String name) {
        public Named {
            name.strip();
        }
    }

    private final JsonProvider provider = new JsonProvider();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(Class<?> type, String body) throws Exception {
        return provider.readFrom((Class) type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private ProblemException problem(Class<?> type, String body) {
        return assertThrows(ProblemException.class, () -> read(type, body));
    }

    @Test
    void readsRecords() throws Exception {
        assertEquals(new Login("admin", "x"), read(Login.class, "{\"username\":\"admin\",\"password\":\"x\"}"));
    }

    @Test
    void malformedJsonIs400WithTheLocation() {
        ProblemException e = problem(Login.class, "{\"username\": ");
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("The body is not valid JSON"), e.getMessage());
    }

    @Test
    void wrongTypesNameTheField() {
        assertTrue(problem(Login.class, "{\"username\":123,\"password\":\"x\"}").getMessage().contains("'username'"));
        assertTrue(problem(Login.class, "{\"username\":\"a\",\"password\":[]}").getMessage().contains("'password'"));
        assertTrue(problem(Counted.class, "{\"count\":\"7\"}").getMessage().contains("'count'"));
    }

    @Test
    void unknownFieldsAreNamed() {
        assertEquals("Unknown field 'pasword'.", problem(Login.class, "{\"username\":\"a\",\"pasword\":\"x\"}").getMessage());
    }

    @Test
    void aValueTheTypeRefusesIs422NamingTheField() {
        ProblemException e = problem(Share.class, "{\"percent\":{\"value\":150}}");
        assertEquals(422, e.status());
        assertEquals("percent", e.errors().get(0).field());
        assertEquals("must be 0 to 100", e.errors().get(0).text().en());
    }

    @Test
    void numbersAreNeitherDatesNorEnumCodes() throws Exception {
        assertEquals(new Event(java.time.LocalDate.of(2024, 3, 1), Kind.ILLNESS, java.util.List.of("a"), 5),
                read(Event.class, "{\"eventDate\":\"2024-03-01\",\"eventType\":\"ILLNESS\",\"causes\":[\"a\"],\"amountFen\":5}"));
        ProblemException date = problem(Event.class, "{\"eventDate\":20000}");
        assertEquals(400, date.status());
        assertEquals("Field 'eventDate' has a value that is not valid; expected a date such as 2026-03-01.", date.getMessage());
        assertTrue(problem(Event.class, "{\"eventType\":0}").getMessage().contains("'eventType'"));
        assertTrue(problem(Event.class, "{\"eventDate\":1.5e9}").getMessage().contains("'eventDate'"));
    }

    @Test
    void aNullInsideAListIsRefusedNamingIt() {
        ProblemException e = problem(Event.class, "{\"causes\":[\"a\",null]}");
        assertEquals(400, e.status());
        assertEquals("Field 'causes[1]' must not be null.", e.getMessage());
    }

    @Test
    void numbersTooBigForTheirFieldAreA400NotAnOverflow() {
        ProblemException e = problem(Event.class, "{\"amountFen\":99999999999999999999}");
        assertEquals(400, e.status());
        assertEquals("Field 'amountFen' has a number out of the range it takes.", e.getMessage());
        assertEquals(400, problem(Counted.class, "{\"count\":3000000000}").status());
    }

    @Test
    void javasOwnMessagesNeverReachTheAnswer() {
        ProblemException e = problem(Named.class, "{}");
        assertEquals(422, e.status());
        assertEquals("body", e.errors().get(0).field());
        assertEquals("required", e.errors().get(0).code());
        assertEquals("This field is required.", e.errors().get(0).text().en());
        ProblemException.FieldError internal = JsonProvider.refusedByTheType("x",
                new IllegalArgumentException("Cannot invoke \"String.strip()\" because \"name\" is null"));
        assertEquals("This value is not valid.", internal.text().en());
    }

    @Test
    void emptyBodyIs400() {
        assertEquals(400, problem(Login.class, "").status());
    }

    @Test
    void bodiesOverTheLimitAre413EvenWithoutContentLength() {
        String big = "{\"username\":\"" + "a".repeat((int) PortalRest.MAX_BODY_BYTES) + "\"}";
        assertEquals(413, problem(Login.class, big).status());
    }

    @Test
    void declaredOversizeIsRefusedBeforeReading() {
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Content-Length", Long.toString(PortalRest.MAX_BODY_BYTES + 1));
        ProblemException e = assertThrows(ProblemException.class, () -> provider.readFrom((Class) Login.class, Login.class,
                new Annotation[0], MediaType.APPLICATION_JSON_TYPE, headers, new ByteArrayInputStream(new byte[0])));
        assertEquals(413, e.status());
    }

    @Test
    void jsonAlreadyInBytesIsLeftToTheStandardWriters() {
        Annotation[] none = new Annotation[0];
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        assertTrue(provider.isWriteable(Login.class, Login.class, none, json));
        assertFalse(provider.isWriteable(byte[].class, byte[].class, none, json));
        assertFalse(provider.isWriteable(javax.ws.rs.core.StreamingOutput.class, javax.ws.rs.core.StreamingOutput.class, none, json));
        assertFalse(provider.isWriteable(Login.class, Login.class, none, MediaType.TEXT_PLAIN_TYPE));
    }

    public record Nested(Login login, java.util.List<String> causes) {
    }

    @Test
    void aControlCharacterInAnyStringIsA422NamingTheField() {
        ProblemException nul = problem(Login.class, "{\"username\":\"ad\\u0000min\",\"password\":\"x\"}");
        assertEquals(422, nul.status());
        assertEquals("username", nul.errors().get(0).field());
        assertEquals("character_not_allowed", nul.errors().get(0).code());
        assertFalse(nul.errors().get(0).text().zh().isBlank());
        assertTrue(nul.errors().get(0).text().en().contains("NUL"));

        assertEquals("login.password", problem(Nested.class, "{\"login\":{\"username\":\"a\",\"password\":\"\\u001f\"},\"causes\":[]}")
                .errors().get(0).field());
        assertEquals("causes[1]", problem(Nested.class, "{\"login\":null,\"causes\":[\"a\",\"b\\u0007\"]}").errors().get(0).field());
        assertEquals("body", problem(String.class, "\"\\u0000\"").errors().get(0).field());
    }

    @Test
    void tabsAndLineBreaksAndOtherTextStay() throws Exception {
        assertEquals(new Login("a\tb", "l1\r\nl2\n\u007f\u202e反转\ud83d\ude00"),
                read(Login.class, "{\"username\":\"a\\tb\",\"password\":\"l1\\r\\nl2\\n\\u007f\\u202e反转\\ud83d\\ude00\"}"));
        // the strict coercions still hold for strings read this way
        assertEquals(400, problem(Login.class, "{\"username\":123,\"password\":\"x\"}").status());
    }
}
