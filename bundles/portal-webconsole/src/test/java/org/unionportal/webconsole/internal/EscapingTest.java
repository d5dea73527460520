package org.unionportal.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EscapingTest {

    @Test
    void htmlEscapesMarkupQuotesAndConsoleVariables() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;&#36;{brand.name}",
                Escaping.html("<script>alert(\"x\")</script> & '${brand.name}"));
        assertEquals("工会模块 / Union modules", Escaping.html("工会模块 / Union modules"));
        assertEquals("", Escaping.html(null));
    }

    @Test
    void jsonStringsRoundTrip() throws Exception {
        String nasty = "q\"b\\s/\n\r\t\b\f\u0001<\u2028>&工会😀";
        String literal = Escaping.json(nasty);
        assertEquals(nasty, new ObjectMapper().readValue(literal, String.class));
        assertEquals("\"\\u003c/script\\u003e\"", Escaping.json("</script>"));
        assertEquals("null", Escaping.json(null));
    }

    @Test
    void loneSurrogatesAreEscapedNotLost() {
        assertEquals("\"\\ud800x\"", Escaping.json("\ud800x"));
    }

    @Test
    void urlEncodesQueryValues() {
        assertEquals("a+b%26c%3D%E5%B7%A5", Escaping.url("a b&c=工"));
    }
}
