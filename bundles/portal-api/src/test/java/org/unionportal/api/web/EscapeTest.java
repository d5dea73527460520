package org.unionportal.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EscapeTest {

    @Test
    void htmlEscapesMarkupQuotesAndConsoleVariables() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;&#36;{brand.name}",
                Escape.html("<script>alert(\"x\")</script> & '${brand.name}"));
        assertEquals("工会模块 / Union modules", Escape.html("工会模块 / Union modules"));
        assertEquals("", Escape.html(null));
    }

    @Test
    void jsonStringsRoundTrip() throws Exception {
        String nasty = "q\"b\\s/\n\r\t\b\f\u0001<\u2028>&工会😀";
        String literal = Escape.json(nasty);
        assertEquals(nasty, new ObjectMapper().readValue(literal, String.class));
        assertEquals("\"\\u003c/script\\u003e\"", Escape.json("</script>"));
        assertEquals("null", Escape.json(null));
    }

    @Test
    void loneSurrogatesAreEscapedNotLost() {
        assertEquals("\"\\ud800x\"", Escape.json("\ud800x"));
    }
}
