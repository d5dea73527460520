package org.unionportal.api.approval;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

class SecondPersonTest {
    private final PortalUser district = new PortalUser(3, "district", "王芳", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));

    @Test
    void onOutsideDemoUnlessSetOtherwise() {
        assertTrue(SecondPerson.required(null, false));
        assertTrue(SecondPerson.required("auto", false));
        assertFalse(SecondPerson.required("", true));
        assertFalse(SecondPerson.required("auto", true));
        assertTrue(SecondPerson.required(" ON ", true));
        assertTrue(SecondPerson.required("true", true));
        assertFalse(SecondPerson.required("off", false));
        assertFalse(SecondPerson.required("false", false));
    }

    @Test
    void theMakerIsRefusedOnlyWhileTheRuleHolds() {
        Text text = Text.of("须由另一位工作人员审批", "Someone else approves it");
        ProblemException refused = assertThrows(ProblemException.class, () -> SecondPerson.require(true, "district", district, text));
        assertEquals(403, refused.status());
        assertEquals("second_person_needed", refused.code());
        assertEquals(text, refused.message());
        assertDoesNotThrow(() -> SecondPerson.require(false, "district", district, text));
        assertDoesNotThrow(() -> SecondPerson.require(true, "admin", district, text));
        assertTrue(SecondPerson.isSecondPerson(null, district));
    }
}
