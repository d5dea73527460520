package org.unionportal.core.internal.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** The audit tests' set-up: the portal's audit trail on a fresh database of the portal's migrations, its clock at {@link #NOW}. */
abstract class AuditTrailFixture {
    static final Instant NOW = Instant.parse("2025-06-30T01:00:00Z");

    @TempDir
    Path dir;
    ModuleTestDatabase db;
    final PortalAuditTrail trail = new PortalAuditTrail(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void openDatabase() {
        db = ModuleTestDatabase.create(dir, "portal");
    }

    /** Records one entry in a transaction of its own. */
    void record(AuditEntry e) {
        db.inTransaction(c -> {
            trail.record(c, e);
            return null;
        });
    }
}
