package org.unionportal.core.internal.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.cluster.ClusterEvents;
import org.unionportal.core.internal.cluster.PortalClusterCoordination;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.core.internal.store.DemoData;
import org.unionportal.core.internal.store.UserRecord;

/**
 * Sign-in, sessions and the first start. One account base for the portal, its API and the Karaf
 * consoles (see {@code PortalJaasRealm}).
 */
@Component(service = Accounts.class, configurationPid = "org.unionportal.core",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Accounts.Config.class)
public class Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    /**
     * A session's last use is written at most this often, so reads stay reads. Between writes a request is checked
     * against this node's {@link SessionCache}; sessions ended anywhere are dropped from every node's cache by the
     * cluster event {@value SessionCache#TOPIC}.
     */
    private static final Duration TOUCH_INTERVAL = SessionCache.TOUCH_INTERVAL;

    @ObjectClassDefinition(name = "Union Portal core", description = "Demo data, first administrator, sessions")
    public @interface Config {
        @AttributeDefinition(description = "Seed the demo city and users (password demo1234). Never for real data.")
        boolean demo() default false;

        @AttributeDefinition(name = "admin.initialPassword", description = "Password of 'admin' created on the first start; empty: generate one and print it once")
        String admin_initialPassword() default "";

        @AttributeDefinition(name = "session.idleMinutes", description = "Sessions end after this many minutes without use")
        int session_idleMinutes() default 120;

        @AttributeDefinition(name = "login.failuresPerAddress", description = "Failed sign-ins from one client address (the "
                + "TCP peer; X-Forwarded-For is not trusted) before it must wait; 0: no per-address limit (behind a reverse "
                + "proxy, where every client has the proxy's address: limit at the proxy)")
        int login_failuresPerAddress() default LoginThrottle.FREE_FAILURES_PER_ADDRESS;
    }

    private final PortalDatabase db;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration idle;
    private final SessionCache sessions = new SessionCache();
    private final ClusterEvents events;
    private final AutoCloseable invalidations;

    @Activate
    public Accounts(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                    @Reference ClusterEvents events, Config config) {
        this(db, events, config, Clock.systemUTC());
    }

    Accounts(PortalDatabase db, ClusterEvents events, Config config, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        // the node's own events too: an in-transaction end of sessions is applied here again once it committed
        this.invalidations = events.subscribeIncludingOwn(SessionCache.TOPIC, e -> sessions.apply(e.payload()));
        this.throttle = new LoginThrottle(db, clock, Math.max(0, config.login_failuresPerAddress()));
        this.idle = Duration.ofMinutes(Math.max(1, config.session_idleMinutes()));
        firstStart(org.unionportal.core.internal.demo.PortalDemoMode.isDemo(config), config.admin_initialPassword());
        // expired sessions are deleted by the cluster's cleaning job (cluster.CleaningJob), on one node at a time
    }

    @Deactivate
    void deactivate() throws Exception {
        invalidations.close();
    }

    /**
     * With no user at all: seed the demo city, or create the administrator. Under a database lock, so that nodes
     * started together seed once: the others wait, then find the users.
     */
    private void firstStart(boolean demo, String configuredPassword) {
        db.inTransaction(c -> {
            new PortalClusterCoordination(db, "first-start", clock).lockUntilCommit(c, "portal.first-start");
            if (AccountStore.countUsers(c) > 0) {
                return null;
            }
            if (demo) {
                DemoData.seed(c);
                LOG.warn("DEMO MODE: seeded the demo city; users admin, district, operator, member, reviewer "
                        + "(and district2, operator2, checker) have the password '{}'. Never use demo mode for real data.", DemoData.PASSWORD);
                return null;
            }
            boolean generated = configuredPassword == null || configuredPassword.isBlank();
            String password = generated ? Tokens.newPassword() : configuredPassword;
            long city = AccountStore.addOrganisation(c, null, "市总工会", "CITY");
            AccountStore.addUser(c, "admin", "平台管理员", city, null, PasswordHasher.hash(password), Set.of(Role.PLATFORM_ADMIN));
            if (generated) {
                String message = "Union Portal first start: created user 'admin' with the generated password " + password
                        + " . It is shown only this once; sign in and keep it safe.";
                System.out.println(message);
                LOG.warn(message);
            } else {
                LOG.info("Union Portal first start: created user 'admin' with the password from etc/org.unionportal.core.cfg; "
                        + "remove it from that file now.");
            }
            return null;
        });
    }

    /** Checks the password and opens a session, or throws 401 / 429 problems. */
    public Session login(String username, String password) {
        return login(username, password, null);
    }

    /**
     * Checks the password and opens a session, or throws 401 / 429 problems.
     *
     * @param clientAddress the TCP peer's address (never a forwarded header), for the per-address limit; null if unknown
     */
    public Session login(String username, String password, String clientAddress) {
        LoginThrottle.Attempt attempt;
        try {
            // counted before the password is checked, so parallel guesses cannot all get through
            attempt = throttle.begin(username, clientAddress);
        } catch (LoginThrottle.Locked locked) {
            throw new RetryLaterException(Math.max(1, locked.waitFor().toSeconds()));
        }
        Optional<UserRecord> found = db.read(c -> AccountStore.userByName(c, username));
        // Verify against a dummy hash for unknown users so the answer time does not reveal them.
        String hash = found.map(UserRecord::passwordHash).orElse(PasswordHasher.dummyHash());
        boolean ok = PasswordHasher.verify(password, hash) && found.isPresent() && found.get().enabled();
        if (!ok) {
            db.inTransaction(c -> {
                AccountStore.audit(c, username, "LOGIN_FAILED", null);
                return null;
            });
            throw new ProblemException(401, "sign_in_failed", Text.of("用户名或密码错误。", "The username or the password is wrong."));
        }
        throttle.succeeded(attempt);
        rehashIfWeaker(found.get(), password);
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(idle);
        PortalUser user = found.get().user();
        db.inTransaction(c -> {
            AccountStore.addSession(c, Tokens.hash(token), user.id(), now, expires);
            AccountStore.audit(c, username, "LOGIN", null);
            return null;
        });
        return new Session(token, expires, user, found.get().orgName());
    }

    /**
     * The signed-in user of a token, if the token is valid and not expired. Within {@link SessionCache}'s trust the
     * answer comes from this node's cache; a session ended on any node leaves every cache within the cluster events'
     * latency (at once on this node).
     */
    public Optional<PortalUser> authenticate(String token) {
        return signedIn(token).map(SignedIn::user);
    }

    /** A signed-in user, and whether an administrator's reset obliges them to choose a new password before working. */
    public record SignedIn(PortalUser user, boolean mustChangePassword) {
    }

    /** {@link #authenticate}, with the must-change flag (cached with the session; a password change drops the entry). */
    public Optional<SignedIn> signedIn(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Instant now = clock.instant();
        Optional<SessionCache.Entry> cached = sessions.trusted(hash, now);
        if (cached.isPresent()) {
            return cached.map(e -> new SignedIn(e.user(), e.mustChangePassword()));
        }
        long mark = sessions.mark();
        Optional<SessionCache.Entry> found = db.inTransaction(c -> {
            Optional<AccountStore.SessionRow> session = AccountStore.session(c, hash);
            if (session.isEmpty() || !session.get().expiresAt().isAfter(now)) {
                return Optional.empty();
            }
            Optional<UserRecord> user = AccountStore.userById(c, session.get().userId());
            if (user.isEmpty() || !user.get().enabled()) {
                return Optional.empty();
            }
            Instant expires = session.get().expiresAt();
            Instant lastUsed = session.get().lastUsedAt();
            if (Duration.between(lastUsed, now).compareTo(TOUCH_INTERVAL) > 0) {
                expires = now.plus(idle);
                lastUsed = now;
                AccountStore.touchSession(c, hash, now, expires);
            }
            boolean mustChange = AccountStore.mustChangePassword(c, user.get().user().id());
            return Optional.of(new SessionCache.Entry(user.get().user(), mustChange, expires, lastUsed, now));
        });
        found.ifPresent(e -> sessions.put(hash, e, mark));
        return found.map(e -> new SignedIn(e.user(), e.mustChangePassword()));
    }

    /**
     * Ends every session of a user, on every node (password changed or reset, user disabled): deleted in {@code c}'s
     * transaction, dropped from this node's cache now and again once that commits, and from the other nodes' caches
     * when they hear of it (at once with PostgreSQL's notifications, within a second by polling otherwise).
     */
    public int endSessionsOf(Connection c, long userId) throws SQLException {
        sessions.forgetUser(userId);
        int ended = AccountStore.deleteSessionsOf(c, userId);
        events.publish(c, SessionCache.TOPIC, "user:" + userId);
        return ended;
    }

    /** {@link #endSessionsOf(Connection, long)} in a transaction of its own. */
    public int endSessionsOf(long userId) {
        int ended = db.inTransaction(c -> endSessionsOf(c, userId));
        sessions.forgetUser(userId);
        return ended;
    }

    /**
     * Drops a user from every node's session cache without ending the sessions (roles or organisation changed):
     * their next request reads the user again. Call in the changing transaction.
     */
    public void userChanged(Connection c, long userId) throws SQLException {
        sessions.forgetUser(userId);
        events.publish(c, SessionCache.TOPIC, "user:" + userId);
    }

    /** Checks a password without opening a session (for the Karaf consoles). */
    public Optional<PortalUser> verifyPassword(String username, String password) {
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(username, null);
        } catch (LoginThrottle.Locked locked) {
            return Optional.empty();
        }
        Optional<UserRecord> found = db.read(c -> AccountStore.userByName(c, username));
        String hash = found.map(UserRecord::passwordHash).orElse(PasswordHasher.dummyHash());
        if (PasswordHasher.verify(password, hash) && found.isPresent() && found.get().enabled()) {
            throttle.succeeded(attempt);
            rehashIfWeaker(found.get(), password);
            return Optional.of(found.get().user());
        }
        return Optional.empty();
    }

    /** A hash stored with an older work factor is replaced now that the password is at hand (it verified). */
    private void rehashIfWeaker(UserRecord user, String password) {
        if (!PasswordHasher.needsRehash(user.passwordHash())) {
            return;
        }
        String stronger = PasswordHasher.hash(password);
        boolean replaced = db.inTransaction(c -> AccountStore.replacePasswordHash(c, user.user().id(), user.passwordHash(), stronger));
        if (replaced) {
            LOG.info("The password hash of '{}' was made again with {} iterations", user.user().username(), PasswordHasher.ITERATIONS);
        }
    }

    public void logout(String token, String username) {
        if (!Tokens.wellFormed(token)) {
            return;
        }
        String hash = Tokens.hash(token);
        sessions.forgetToken(hash);
        db.inTransaction(c -> {
            AccountStore.deleteSession(c, hash);
            events.publish(c, SessionCache.TOPIC, "token:" + hash);
            AccountStore.audit(c, username, "LOGOUT", null);
            return null;
        });
        sessions.forgetToken(hash);
    }

    public Optional<UserRecord> user(long id) {
        return db.read(c -> AccountStore.userById(c, id));
    }

    public List<UserRecord> usersIn(PortalUser viewer) {
        return db.read(c -> AccountStore.usersInSubtree(c, viewer.orgPath()));
    }

    public PortalDatabase database() {
        return db;
    }

    /** An open session. */
    public record Session(String token, Instant expiresAt, PortalUser user, String orgName) {
    }

    /** Too many failed sign-ins: 429 with Retry-After. */
    public static final class RetryLaterException extends ProblemException {
        private static final long serialVersionUID = 1L;
        private final long seconds;

        RetryLaterException(long seconds) {
            super(429, "too_many_failures", Text.of("密码错误次数过多（此用户名或此网络地址），请 " + seconds + " 秒后再试。",
                    "Too many wrong passwords for this username or from this address. Try again in " + seconds + " seconds."));
            this.seconds = seconds;
        }

        public long retryAfterSeconds() {
            return seconds;
        }
    }
}
