package org.unionportal.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.SqlWork;
import org.unionportal.api.security.PortalUser;
import org.unionportal.persistence.internal.DelegatingDatabase;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** The user directory keeps its answers until the core's tables change, on a real database. */
class UsersTest {
    @TempDir
    Path dir;

    private ModuleTestDatabase db;
    private final AtomicInteger reads = new AtomicInteger();
    private Users users;

    @BeforeEach
    void setUp() {
        db = ModuleTestDatabase.create(dir, "portal");
        Timestamp now = Timestamp.from(Instant.now());
        db.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO PORTAL_ORGANISATION (NAME, KIND, PATH, CREATED_AT) VALUES ('测试工会', 'GRASSROOTS', '/t/', ?)", now);
            long org = Jdbc.one(c, "SELECT ID FROM PORTAL_ORGANISATION WHERE PATH = '/t/'", rs -> rs.getLong(1)).orElseThrow();
            return Jdbc.update(c, "INSERT INTO PORTAL_USER (USERNAME, DISPLAY_NAME, ORG_ID, PASSWORD_HASH, ENABLED, CREATED_AT)"
                    + " VALUES ('clerk', '张丽', ?, 'x', ?, ?)", org, true, now);
        });
        users = new Users(new DelegatingDatabase(db) {
            @Override
            public <T> T read(SqlWork<T> work) {
                reads.incrementAndGet();
                return super.read(work);
            }
        });
    }

    private String clerkName() {
        return users.byUsername("clerk").map(PortalUser::displayName).orElse(null);
    }

    @Test
    void aNameAskedForAgainIsAnsweredWithoutReadingTheDatabase() {
        assertEquals("张丽", clerkName());
        assertEquals("张丽", clerkName());
        assertEquals("张丽", users.byUsername(" clerk ").map(PortalUser::displayName).orElse(null));
        assertEquals(1, reads.get(), "one read for three lookups of one name");
        assertTrue(users.byUsername("nobody").isEmpty());
        assertTrue(users.byUsername("nobody").isEmpty());
        assertEquals(2, reads.get(), "an unknown name is kept too");
    }

    @Test
    void aChangeToTheCoresTablesIsSeenAtOnce() {
        assertEquals("张丽", clerkName());
        db.inTransaction(c -> Jdbc.update(c, "UPDATE PORTAL_USER SET DISPLAY_NAME = ? WHERE USERNAME = 'clerk'", "王芳"));
        assertEquals("王芳", clerkName(), "renamed");
        db.inTransaction(c -> Jdbc.update(c, "UPDATE PORTAL_USER SET ENABLED = ? WHERE USERNAME = 'clerk'", false));
        assertTrue(users.byUsername("clerk").isEmpty(), "a disabled user is no longer found");
        assertEquals(3, reads.get());
    }
}
