package org.unionportal.core.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCodecTest {
    @Test
    void valuesRoundTripWithTheirTypesAndKarafsBookkeepingIsLeftOut() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("safetyNet.thresholdYuan", "3000");
        props.put("count", 7);
        props.put("big", 8L);
        props.put("on", true);
        props.put("text", "two\nlines \\ and = sign");
        props.put("service.pid", "org.unionportal.hardshipaid");
        props.put("felix.fileinstall.filename", "file:/opt/portal/etc/org.unionportal.hardshipaid.cfg");
        String text = SettingsCodec.encode(props);
        assertFalse(text.contains("service.pid") || text.contains("fileinstall"), text);
        assertEquals(Map.of("safetyNet.thresholdYuan", "3000", "count", 7, "big", 8L, "on", true, "text", "two\nlines \\ and = sign"),
                SettingsCodec.decode(text));
    }

    @Test
    void theSameValuesGiveTheSameTextWhateverTheOrder() {
        Hashtable<String, Object> a = new Hashtable<>(Map.of("x", "1", "y", "2"));
        Hashtable<String, Object> b = new Hashtable<>();
        b.put("y", "2");
        b.put("x", "1");
        b.put("service.pid", "p");
        assertEquals(SettingsCodec.encode(a), SettingsCodec.encode(b));
        assertEquals("x=s:1\ny=s:2\n", SettingsCodec.encode(a));
    }
}
