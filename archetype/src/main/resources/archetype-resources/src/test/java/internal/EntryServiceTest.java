package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.persistence.internal.FakeNotifications;
import org.unionportal.persistence.internal.ModuleTestDatabase;
import ${package}.internal.EntryRequests.CreateEntry;

/**
 * The service on the module's own migrations (a real Derby database, the portal's migrator and transactions:
 * {@link ModuleTestDatabase}) with the portal's outbox in memory.
 */
class EntryServiceTest {
    private static final OrganisationInfo CITY = new OrganisationInfo(1, null, "市总工会", "CITY", "/1/");
    private static final OrganisationInfo LIANGXI = new OrganisationInfo(2, 1L, "梁溪区总工会", "DISTRICT", "/1/2/");
    private static final OrganisationInfo BINHU = new OrganisationInfo(3, 1L, "滨湖区总工会", "DISTRICT", "/1/3/");

    private final PortalUser operator = new PortalUser(7, "operator", "李干事", 2, "/1/2/", Set.of(Role.UNION_OPERATOR));
    private final PortalUser district = new PortalUser(3, "district", "王主席", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private final PortalUser binhu = new PortalUser(9, "district2", "赵主席", 3, "/1/3/", Set.of(Role.DISTRICT_ADMIN));

    @TempDir
    Path dir;
    private ModuleTestDatabase db;
    private final FakeNotifications notifications = new FakeNotifications();
    private EntryService entries;

    @BeforeEach
    void setUp() {
        db = ModuleTestDatabase.create(dir, "${moduleId}");
        entries = new EntryService(db, new Organisations(List.of(CITY, LIANGXI, BINHU)), notifications);
    }

    @Test
    void anEntryOfAnotherSubtreeIsNotFound() {
        Entry entry = entries.create(operator, new CreateEntry("修路灯", null));
        assertEquals(entry, entries.get(district, entry.id()));
        assertEquals(404, assertThrows(ProblemException.class, () -> entries.get(binhu, entry.id())).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> entries.markDone(binhu, entry.id())).status());
        assertTrue(entries.list(binhu).isEmpty());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> entries.create(district, new CreateEntry("越界", BINHU.id()))).status());
    }

    @Test
    void markingAnEntryDoneNotifiesItsCreatorOnce() {
        Entry entry = entries.create(operator, new CreateEntry("修路灯", null));
        entries.markDone(district, entry.id());
        assertEquals(List.of("ENTRY_DONE:entry:" + entry.id()), notifications.keys());
        assertEquals(409, assertThrows(ProblemException.class, () -> entries.markDone(district, entry.id())).status());
        assertEquals(1, notifications.queued.size());
    }

    @Test
    void theFiguresAndTheConsoleCountWhatTheyShould() {
        entries.create(operator, new CreateEntry("梁溪", null));
        Entry done = entries.create(binhu, new CreateEntry("滨湖", null));
        entries.markDone(binhu, done.id());
        assertEquals(1, entries.figures(district).total().open());
        assertEquals(0, entries.figures(district).total().done());
        ModuleFigures figures = new ModuleFigures();
        figures.db = db;
        assertEquals(List.of(1L, 1L), figures.figures().stream().map(f -> f.value()).toList());
    }

    /** The union tree the service looks organisations up in. */
    private record Organisations(List<OrganisationInfo> all) implements OrganisationDirectory {
        @Override
        public Optional<OrganisationInfo> byId(long id) {
            return all.stream().filter(o -> o.id() == id).findFirst();
        }

        @Override
        public List<OrganisationInfo> subtree(String path) {
            return all.stream().filter(o -> o.path().startsWith(path)).toList();
        }

        @Override
        public Optional<OrganisationInfo> byName(String name) {
            return all.stream().filter(o -> o.name().equals(name)).findFirst();
        }

        @Override
        public Optional<OrganisationInfo> byCode(String code) {
            return Optional.empty();
        }
    }
}
