package org.unionportal.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.demo.DemoOrganisations;

class DemoDataCodesTest {
    @Test
    void everyPublishedDemoCodeIsGivenToOneNamedOrganisation() throws Exception {
        Set<String> published = new HashSet<>();
        for (Field f : DemoOrganisations.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                published.add((String) f.get(null));
            }
        }
        assertEquals(published, DemoData.CODES.keySet());
        assertEquals(DemoData.CODES.size(), new HashSet<>(DemoData.CODES.values()).size(), "names are unique");
    }

    @Test
    void theMigrationGivesAnEarlierDemoPortalTheSameCodes() throws Exception {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V4__organisation_codes.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DemoData.CODES.forEach((code, name) -> assertTrue(
                sql.contains("SET CODE = '" + code + "' WHERE NAME = '" + name + "'"), () -> code + " → " + name));
    }
}
