package org.unionportal.core.internal.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.UserDirectory;

/**
 * User accounts for modules. Answers are kept until the core's tables next change: every claim or household shown in
 * full asks for the names of the people in its history, and a second database read for them cost a detail page a
 * third of its speed. Any write to the core's tables (a user disabled, renamed, added) starts afresh.
 */
@Component(service = UserDirectory.class)
public class Users implements UserDirectory {
    /** At most this many login names kept (a portal's staff, many times over); beyond it the map starts afresh. */
    static final int MAX_KEPT = 2_000;

    private final PortalDatabase db;
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    /** An answer and the write generation of the core's tables read before it was looked up. */
    private record Kept(long generation, Optional<PortalUser> user) {
    }

    @Activate
    public Users(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<PortalUser> byUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        String name = username.strip();
        // Read before the lookup: a write committed meanwhile moves the generation on, and the answer is not used again.
        long generation = db.writeGeneration();
        Kept known = kept.get(name);
        if (known != null && known.generation() == generation) {
            return known.user();
        }
        Optional<PortalUser> found = db.read(c -> AccountStore.userByName(c, name)).filter(UserRecord::enabled).map(UserRecord::user);
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(name, new Kept(generation, found));
        return found;
    }
}
