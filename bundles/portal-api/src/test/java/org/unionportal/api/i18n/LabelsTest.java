package org.unionportal.api.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelsTest {
    enum Status implements Labelled {
        APPLIED("申请中", "Applied"), ON_FILE("在档", "On file");

        private final Text label;

        Status(String zh, String en) {
            label = Text.of(zh, en);
        }

        @Override
        public String code() {
            return name();
        }

        @Override
        public Text label() {
            return label;
        }
    }

    @Test
    void findsConstantsByTheirStoredCode() {
        assertEquals(Optional.of(Status.ON_FILE), Labels.byCode(Status.class, "ON_FILE"));
        assertEquals(Optional.empty(), Labels.byCode(Status.class, "on_file"));
        assertEquals(Optional.empty(), Labels.byCode(Status.class, null));
        assertEquals(Status.APPLIED, Labels.of(Status.class, "APPLIED"));
        assertThrows(IllegalArgumentException.class, () -> Labels.of(Status.class, "LEFT"));
        assertEquals(List.of("APPLIED", "ON_FILE"), Labels.codes(Status.class));
        assertEquals("在档", Status.ON_FILE.label().in(Language.ZH));
    }
}
