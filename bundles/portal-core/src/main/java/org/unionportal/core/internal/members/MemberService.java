package org.unionportal.core.internal.members;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberDraft;
import org.unionportal.api.member.MemberListener;
import org.unionportal.api.member.MemberRegistry;
import org.unionportal.api.member.MembershipStatus;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.OtherUnionException;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.ProblemException.FieldError;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.audit.AuditStore;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.core.internal.store.Organisation;
import org.unionportal.core.internal.store.UserRecord;

/**
 * The member register: the {@link MemberRegistry} service for modules and the operations of the
 * {@code /api/portal/members} resource (search, form, transfer, account link), with their permission checks.
 * Every record outside the caller's subtree is "not found" ({@link DataScope}); every write is recorded to the
 * {@link AuditTrail} in its own transaction.
 */
@Component(service = {MemberRegistry.class, MemberService.class})
public class MemberService implements MemberRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(MemberService.class);
    static final java.time.ZoneId ZONE = IdNumbers.ZONE;

    /** The most rows one export holds (the list is built in memory). */
    static final int MAX_EXPORT = 200_000;
    static final Text NOT_FOUND = Text.of("没有找到该会员，或不在您的管辖范围内。", "No such member in your part of the union tree.");

    private final PortalDatabase db;
    private final AuditTrail audit;
    private final List<MemberListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public MemberService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                         @Reference AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** What a search asks for besides the caller's scope; null fields do not filter. */
    public record Query(String text, Long orgId, MemberCategory category, MembershipStatus status) {
        MemberStore.Filter in(DataScope scope) {
            return new MemberStore.Filter(scope, text, orgId, category, status);
        }
    }

    /** One page of a search, and how many there are in all. */
    public record Page(long total, List<Member> items) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(MemberListener listener) {
        listeners.add(listener);
    }

    void removeListener(MemberListener listener) {
        listeners.remove(listener);
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("member_not_found", NOT_FOUND);
    }

    /** The member {@code id} if it lies in {@code scope}, else 404 as for one that does not exist. */
    static Member visible(Connection c, DataScope scope, long id) throws SQLException {
        return scope.visible(MemberStore.byId(c, id), Member::orgPath, "member_not_found", NOT_FOUND);
    }

    /** Records one change of a member to the audit trail, in the transaction of the change. */
    private void record(Connection c, Actor actor, String action, long memberId, String orgPath, Map<String, Object> before,
                        Map<String, Object> after) throws SQLException {
        audit.record(c, entry(actor, action, memberId, orgPath, before, after));
    }

    private static AuditEntry entry(Actor actor, String action, long memberId, String orgPath, Map<String, Object> before,
                                    Map<String, Object> after) {
        return new AuditEntry(MemberHistory.MODULE, MemberHistory.RECORD_TYPE, String.valueOf(memberId), action, orgPath,
                actor, before, after);
    }

    /** The actor of a module's write, which names its user: the account when there is one, else the name alone. */
    private static Actor actorNamed(Connection c, String username) throws SQLException {
        return username == null ? Actor.named(null)
                : AccountStore.userByName(c, username).map(u -> Actor.of(u.user())).orElse(Actor.named(username));
    }

    // --- MemberRegistry ---------------------------------------------------------------------------

    @Override
    public Optional<Member> byId(long id, String subtreePath) {
        DataScope scope = DataScope.subtree(subtreePath);
        return db.read(c -> MemberStore.byId(c, id)).filter(m -> scope.covers(m.orgPath()));
    }

    @Override
    public Optional<Member> byIdNumber(String idNumber, String subtreePath) {
        String id = IdNumbers.normalize(idNumber);
        if (id == null) {
            return Optional.empty();
        }
        DataScope scope = DataScope.subtree(subtreePath);
        return db.read(c -> MemberStore.byIdNumber(c, id)).filter(m -> scope.covers(m.orgPath()));
    }

    @Override
    public Optional<Member> ofUser(long userId) {
        return db.read(c -> MemberStore.byUser(c, userId));
    }

    @Override
    public List<Member> byIds(Collection<Long> ids, String subtreePath) {
        return ids.isEmpty() ? List.of() : db.read(c -> MemberStore.byIds(c, ids, DataScope.subtree(subtreePath)));
    }

    @Override
    public Set<String> ofOtherUnions(Collection<String> idNumbers, long orgId) {
        return idNumbers.isEmpty() ? Set.of() : db.read(c -> ofOtherUnions(c, idNumbers, orgId));
    }

    @Override
    public Set<String> ofOtherUnions(Connection c, Collection<String> idNumbers, long orgId) {
        try {
            Set<String> foreign = new TreeSet<>();
            MemberStore.byIdNumbers(c, normalized(idNumbers)).values().stream()
                    .filter(m -> !MemberRules.mayWrite(Optional.of(m), orgId)).forEach(m -> foreign.add(m.idNumber()));
            return foreign;
        } catch (SQLException e) {
            throw new org.unionportal.api.db.DataAccessException("member register lookup failed", e);
        }
    }

    @Override
    public Member register(MemberDraft draft, long orgId, String actor) {
        Member member = db.inTransaction(c -> register(c, List.of(draft), orgId, actor)).get(IdNumbers.normalize(draft.idNumber()));
        notifyChanged(List.of(member));
        return member;
    }

    @Override
    public Map<String, Member> register(Connection c, List<MemberDraft> drafts, long orgId, String actor) {
        try {
            return registerAll(c, drafts, orgId, actor);
        } catch (SQLException e) {
            throw uniqueOrFailure(e, "member registration failed");
        }
    }

    /**
     * Two writes registering the same new person at once: the second meets the unique ID number and answers 409
     * (try again: the person then exists and the one-union rule decides), never 500.
     */
    RuntimeException uniqueOrFailure(SQLException e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (db.dialect().isUniqueViolation(s)
                    || (s.getNextException() != null && db.dialect().isUniqueViolation(s.getNextException())))) {
                return ProblemException.conflict("member_registered_concurrently", Text.of(
                        "同一身份证号刚被另一操作登记，请稍后重试。", "This ID number was just registered by another request; try again."));
            }
        }
        return new org.unionportal.api.db.DataAccessException(what, e);
    }

    private Map<String, Member> registerAll(Connection c, List<MemberDraft> drafts, long orgId, String actor) throws SQLException {
        Organisation org = organisationOf(c, orgId);
        Map<String, MemberRules.Form> forms = forms(drafts, 0);
        Map<String, Member> existing = MemberStore.byIdNumbers(c, forms.keySet());
        refuseOtherUnions(existing.values(), orgId);
        Actor who = actorNamed(c, actor);
        Written written = write(c, forms, existing, org, actor, who);
        // every person keeps an entry of its own (a member's history is read per member), handed over a chunk at a time
        List<AuditEntry> entries = new ArrayList<>(AUDIT_CHUNK);
        for (Member m : written.added()) {
            entries.add(entry(who, "REGISTER", m.id(), m.orgPath(), Map.of(), MemberHistory.fields(m)));
            flushWhenFull(c, entries);
        }
        audit.recordAll(c, entries);
        return written.result();
    }

    /** {@link MemberRegistry#registerInBulk}: the register looked up once, then written a chunk at a time. */
    @Override
    public org.unionportal.api.member.BulkRegistration registerInBulk(Connection c, Collection<String> idNumbers, long orgId,
                                                                      String actor, Map<String, Object> source) {
        try {
            Organisation org = organisationOf(c, orgId);
            Map<String, Member> existing = MemberStore.byIdNumbers(c, normalized(idNumbers));
            refuseOtherUnions(existing.values(), orgId);
            return new BulkMemberRegistration(c, org, actor, actorNamed(c, actor), existing, source);
        } catch (SQLException e) {
            throw uniqueOrFailure(e, "member registration failed");
        }
    }

    /**
     * One registration of many people: each chunk is written as {@link #registerAll} writes a list, the changes to
     * known members audited one by one, and the new members in one entry at the end ({@link MemberHistory#registration}):
     * 100,000 entries of a roster's new people would be a quarter of its rows, each with four index entries.
     */
    private final class BulkMemberRegistration implements org.unionportal.api.member.BulkRegistration {
        private final Connection c;
        private final Organisation org;
        private final String actor;
        private final Actor who;
        /** The members found for the announced ID numbers, until their chunk is written. */
        private final Map<String, Member> existing;
        private final Map<String, Object> source;
        private int drafted;
        private int added;
        private int changed;
        private long firstNewId = Long.MAX_VALUE;
        private long lastNewId = Long.MIN_VALUE;

        BulkMemberRegistration(Connection c, Organisation org, String actor, Actor who, Map<String, Member> existing,
                               Map<String, Object> source) {
            this.c = c;
            this.org = org;
            this.actor = actor;
            this.who = who;
            this.existing = existing;
            this.source = source == null ? Map.of() : source;
        }

        @Override
        public Map<String, Member> register(List<MemberDraft> drafts) {
            try {
                Map<String, MemberRules.Form> forms = forms(drafts, drafted);
                drafted += drafts.size();
                // a number not found when the registration began is new (one registered since meets the unique key: 409)
                Map<String, Member> known = new HashMap<>();
                for (String idNumber : forms.keySet()) {
                    Member m = existing.remove(idNumber);
                    if (m != null) {
                        known.put(idNumber, m);
                    }
                }
                Written written = write(c, forms, known, org, actor, who);
                added += written.added().size();
                changed += written.changed().size();
                for (Member m : written.added()) {
                    firstNewId = Math.min(firstNewId, m.id());
                    lastNewId = Math.max(lastNewId, m.id());
                }
                return written.result();
            } catch (SQLException e) {
                throw uniqueOrFailure(e, "member registration failed");
            }
        }

        @Override
        public void finish() {
            if (added == 0) {
                return;
            }
            try {
                audit.record(c, new AuditEntry(MemberHistory.MODULE, MemberHistory.REGISTRATION, String.valueOf(org.id()),
                        "REGISTER", org.path(), who, Map.of(), MemberHistory.registration(org.id(), added, firstNewId, lastNewId,
                        changed, source)));
            } catch (SQLException e) {
                throw new org.unionportal.api.db.DataAccessException("member registration audit failed", e);
            }
        }
    }

    /** The members a write answers (by ID number), those it added and those it changed. */
    private record Written(Map<String, Member> result, List<Member> added, List<Member> changed) {
    }

    private static Organisation organisationOf(Connection c, long orgId) throws SQLException {
        return AccountStore.organisation(c, orgId).orElseThrow(() -> new IllegalArgumentException("no organisation " + orgId));
    }

    /** The drafts as forms by ID number; 422 naming every invalid draft ({@code drafts[offset + i]}). */
    private static Map<String, MemberRules.Form> forms(List<MemberDraft> drafts, int offset) {
        LocalDate today = today();
        Map<String, MemberRules.Form> forms = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            MemberDraft d = drafts.get(i);
            MemberRules.Form form = new MemberRules.Form(d.idNumber(), d.name(), d.phone(), d.categories(), d.occupation(),
                    d.joinedOn());
            String field = "drafts[" + (offset + i) + "]";
            IdNumbers.check(form.idNumber(), today).ifPresent(p -> errors.add(new FieldError(field + ".idNumber",
                    p.code(), p.text())));
            if (form.name() == null) {
                errors.add(FieldError.of(field + ".name", "name_missing", "姓名为空", "Name is missing"));
            }
            forms.put(form.idNumber(), form);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return forms;
    }

    private static void refuseOtherUnions(Collection<Member> existing, long orgId) {
        List<String> foreign = existing.stream().filter(m -> m.orgId() != orgId).map(Member::idNumber).sorted().toList();
        if (!foreign.isEmpty()) {
            throw new OtherUnionException(foreign);
        }
    }

    /**
     * Writes the forms (all of union {@code org}; {@code existing} holds those of them the register has): new people
     * inserted, the union's own members updated where the form changes them. Each changed member is audited with
     * before and after; the new ones are left to the caller.
     */
    private Written write(Connection c, Map<String, MemberRules.Form> forms, Map<String, Member> existing, Organisation org,
                          String actor, Actor who) throws SQLException {
        LocalDate today = today();
        Instant now = Instant.now();
        List<MemberRules.Form> added = new ArrayList<>();
        List<Member> changed = new ArrayList<>();
        for (MemberRules.Form f : forms.values()) {
            Member m = existing.get(f.idNumber());
            if (m == null) {
                added.add(new MemberRules.Form(f.idNumber(), f.name(), f.phone(), MemberRules.merged(Set.of(), f.categories()),
                        f.occupation(), f.joinedOn()));
                continue;
            }
            Member updated = new Member(m.id(), m.idNumber(), f.name(), f.phone() != null ? f.phone() : m.phone(), m.gender(),
                    m.birthDate(), m.orgId(), m.orgPath(), MemberRules.merged(m.categories(), f.categories()),
                    f.occupation() != null ? f.occupation() : m.occupation(), MembershipStatus.ACTIVE,
                    m.joinedOn() != null ? m.joinedOn() : f.joinedOn(), null, m.userId());
            if (!updated.equals(m)) {
                changed.add(updated);
            }
        }
        // Many new people (a roster): read back by a range of ids above the highest before, not by another pass over the
        // whole register. A few: by their ID numbers (the unique index), which never waits for another transaction's
        // new rows at the end of the table (a roster being confirmed meanwhile).
        boolean many = added.size() > MemberStore.SCAN_FROM;
        long lastIdBefore = many ? MemberStore.maxId(c) : 0;
        MemberStore.insertAll(c, added, org.id(), org.path(), today, actor, now);
        MemberStore.updateAll(c, changed, actor, now);
        // the members as written: those found and those changed are known, the new ones are read back for their ids
        Map<String, Member> result = new HashMap<>(existing);
        changed.forEach(m -> result.put(m.idNumber(), m));
        Set<String> addedIds = added.stream().map(MemberRules.Form::idNumber).collect(java.util.stream.Collectors.toSet());
        Map<String, Member> inserted = many ? MemberStore.insertedAfter(c, lastIdBefore, addedIds) : MemberStore.byIdNumbers(c, addedIds);
        if (inserted.size() != added.size()) {
            throw new IllegalStateException("read back " + inserted.size() + " of " + added.size() + " new members");
        }
        result.putAll(inserted);
        List<Member> addedMembers = added.stream().map(f -> inserted.get(f.idNumber())).toList();
        List<AuditEntry> entries = new ArrayList<>(Math.min(changed.size(), AUDIT_CHUNK));
        for (Member m : changed) {
            entries.add(entry(who, "UPDATE", m.id(), m.orgPath(), MemberHistory.fields(existing.get(m.idNumber())),
                    MemberHistory.with(MemberHistory.fields(m), "note", "registered again by the union")));
            flushWhenFull(c, entries);
        }
        audit.recordAll(c, entries);
        return new Written(result, addedMembers, changed);
    }

    private static final int AUDIT_CHUNK = 1000;

    private void flushWhenFull(Connection c, List<AuditEntry> entries) throws SQLException {
        if (entries.size() == AUDIT_CHUNK) {
            audit.recordAll(c, entries);
            entries.clear();
        }
    }

    @Override
    public Member adopt(Connection c, MemberDraft draft, long orgId, Long userId, String actor) {
        try {
            String idNumber = IdNumbers.normalize(draft.idNumber());
            Optional<Member> existing = MemberStore.byIdNumber(c, idNumber);
            Instant now = Instant.now();
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
            } else {
                Organisation org = AccountStore.organisation(c, orgId)
                        .orElseThrow(() -> new IllegalArgumentException("no organisation " + orgId));
                MemberRules.Form form = new MemberRules.Form(idNumber, draft.name(), draft.phone(),
                        MemberRules.merged(Set.of(), draft.categories()), draft.occupation(), draft.joinedOn());
                id = MemberStore.insert(c, form, orgId, org.path(), draft.joinedOn(), actor, now);
                Member adopted = MemberStore.byId(c, id).orElseThrow();
                record(c, actorNamed(c, actor), "ADOPT", id, adopted.orgPath(), Map.of(),
                        MemberHistory.with(MemberHistory.fields(adopted), "note", "taken over from a module's records"));
            }
            Member member = MemberStore.byId(c, id).orElseThrow();
            if (userId != null && member.userId() == null && MemberStore.byUser(c, userId).isEmpty()) {
                MemberStore.linkUser(c, id, userId, actor, now);
                Member linked = MemberStore.byId(c, id).orElseThrow();
                record(c, actorNamed(c, actor), "LINK", id, linked.orgPath(), MemberHistory.fields(member),
                        MemberHistory.with(MemberHistory.fields(linked), "account", AccountStore.userById(c, userId)
                                .map(u -> u.user().username()).orElse(String.valueOf(userId))));
                member = linked;
            }
            return member;
        } catch (SQLException e) {
            throw new org.unionportal.api.db.DataAccessException("member adoption failed", e);
        }
    }

    // --- staff operations ---------------------------------------------------------------------------

    /** A member of the caller's subtree, or 404. */
    public Member visible(PortalUser user, long id) {
        return db.read(c -> visible(c, DataScope.of(user), id));
    }

    /** The union a staff member writes for: their own, or one of their subtree; anything else is 404. */
    Organisation unionFor(Connection c, PortalUser user, Long orgId) throws SQLException {
        long wanted = orgId == null ? user.orgId() : orgId;
        return DataScope.of(user).visible(AccountStore.organisation(c, wanted), Organisation::path, "org_not_found",
                Text.of("没有找到该工会，或不在您的管辖范围内。", "No such union in your part of the union tree."));
    }

    /** One page of the members of the caller's subtree that match the query. */
    public Page search(PortalUser user, Query query, long offset, int limit) {
        MemberStore.Filter filter = query.in(DataScope.of(user));
        return db.read(c -> new Page(MemberStore.count(c, filter), MemberStore.list(c, filter, offset, limit)));
    }

    /** The unions of the caller's subtree by id, to name a member's union. */
    public Map<Long, String> unionNames(PortalUser user) {
        return db.read(c -> unionNames(c, user.orgPath()));
    }

    /** The unions below (and including) {@code orgPath} by id. */
    static Map<Long, String> unionNames(Connection c, String orgPath) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Organisation o : AccountStore.subtree(c, orgPath)) {
            names.put(o.id(), o.name());
        }
        return names;
    }

    /** A member's own union by id, to name it to the member (who may see it whatever their account's organisation). */
    public Map<Long, String> ownUnionName(Member m) {
        return db.read(c -> AccountStore.organisation(c, m.orgId())).map(o -> Map.of(o.id(), o.name())).orElse(Map.of());
    }

    /** The unions the caller may choose in a form or an import: its subtree. */
    public List<Organisation> unions(PortalUser user) {
        return db.read(c -> AccountStore.subtree(c, user.orgPath()));
    }

    /** The username of the account linked to a member, if any. */
    public Optional<String> accountOf(Member m) {
        return m.userId() == null ? Optional.empty()
                : db.read(c -> AccountStore.userById(c, m.userId()).map(u -> u.user().username()));
    }

    /**
     * The members of the caller's subtree that match the query as a CSV or XLSX file, in the caller's language,
     * personal data masked as {@link MemberExport#PURPOSE} says.
     */
    public Download export(PortalUser user, Query query, TableFormat format, Language lang) {
        MemberStore.Filter filter = query.in(DataScope.of(user));
        List<List<Object>> rows = db.read(c -> {
            Map<Long, String> unions = unionNames(c, user.orgPath());
            List<List<Object>> out = new ArrayList<>();
            for (Member m : MemberStore.list(c, filter, 0, MAX_EXPORT)) {
                out.add(MemberExport.row(m, unions, lang, MemberExport.PURPOSE));
            }
            return out;
        });
        return Download.table(format, MemberExport.FILE_NAME.in(lang), MemberExport.headers(lang), rows, true);
    }

    /**
     * A member's history (404 outside the caller's subtree): the old table's lines, then the audit trail's. The
     * trail's entries are read whatever their organisation: a member's history goes with it through a transfer.
     */
    public List<MemberStore.Event> history(PortalUser user, long id) {
        return db.read(c -> {
            Member member = visible(c, DataScope.of(user), id);
            List<MemberStore.Event> events = MemberHistory.merged(MemberStore.legacyHistory(c, id),
                    AuditStore.ofRecord(c, MemberHistory.MODULE, MemberHistory.RECORD_TYPE, String.valueOf(id)));
            if (events.stream().noneMatch(e -> MemberHistory.BEGINNINGS.contains(e.action()))) {
                registration(c, member, events).ifPresent(r -> events.add(0, MemberHistory.registered(r)));
            }
            return events;
        });
    }

    /**
     * The bulk registration (one entry for a roster's new people) that holds a member, under the union it was
     * registered with: its union now, or one it was transferred from.
     */
    private static Optional<AuditStore.Row> registration(Connection c, Member member, List<MemberStore.Event> events)
            throws SQLException {
        Set<Long> unions = new java.util.LinkedHashSet<>();
        events.stream().map(MemberStore.Event::fromOrgId).filter(Objects::nonNull).forEach(unions::add);
        unions.add(member.orgId());
        for (long orgId : unions) {
            for (AuditStore.Row r : AuditStore.ofRecord(c, MemberHistory.MODULE, MemberHistory.REGISTRATION, String.valueOf(orgId))) {
                if (MemberHistory.holds(r, member.id())) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** The name of a union if the caller's subtree holds it; empty for another district's. */
    public Optional<String> visibleUnionName(PortalUser user, long orgId) {
        return db.read(c -> AccountStore.organisation(c, orgId)).filter(o -> DataScope.of(user).covers(o.path()))
                .map(Organisation::name);
    }

    public Member create(PortalUser user, MemberRules.Form form, Long orgId) {
        List<FieldError> errors = MemberRules.check(form, today());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Member member = db.inTransaction(c -> {
            Organisation org = unionFor(c, user, orgId);
            Optional<Member> existing = MemberStore.byIdNumber(c, form.idNumber());
            if (!MemberRules.mayWrite(existing, org.id())) {
                throw new OtherUnionException(List.of(form.idNumber()));
            }
            if (existing.isPresent()) {
                throw ProblemException.conflict("member_exists", Text.of("该身份证号已在本工会会员库中，请修改原记录。",
                        "This ID number is already a member of this union; edit that record."));
            }
            Instant now = Instant.now();
            long id;
            try {
                id = MemberStore.insert(c, form, org.id(), org.path(), form.joinedOn() == null ? today() : form.joinedOn(),
                        user.username(), now);
            } catch (SQLException e) {
                throw uniqueOrFailure(e, "member insert failed");
            }
            Member created = MemberStore.byId(c, id).orElseThrow();
            record(c, Actor.of(user), "CREATE", id, created.orgPath(), Map.of(), MemberHistory.fields(created));
            return created;
        });
        notifyChanged(List.of(member));
        return member;
    }

    /** Changes a member's own fields; the ID number is the key and stays. */
    public Member update(PortalUser user, long id, MemberRules.Form typed, MembershipStatus status, LocalDate leftOn) {
        Member before = visible(user, id);
        MemberRules.Form form = typed.idNumber() != null ? typed : new MemberRules.Form(before.idNumber(), typed.name(),
                typed.phone(), typed.categories(), typed.occupation(), typed.joinedOn());
        List<FieldError> errors = new ArrayList<>(MemberRules.check(form, today()));
        if (form.idNumber() != null && !form.idNumber().equals(before.idNumber())) {
            errors.add(FieldError.of("idNumber", "id_number_fixed", "身份证号不能修改；如填错，请删除后重新登记",
                    "The ID number cannot be changed"));
        }
        MembershipStatus newStatus = status == null ? before.status() : status;
        LocalDate newLeftOn = newStatus == MembershipStatus.LEFT ? (leftOn != null ? leftOn : before.leftOn() != null
                ? before.leftOn() : today()) : null;
        if (newLeftOn != null && newLeftOn.isAfter(today())) {
            errors.add(FieldError.of("leftOn", "left_in_future", "退会日期不能晚于今天", "The date of leaving cannot be after today"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Member after = new Member(before.id(), before.idNumber(), form.name(), form.phone(), before.gender(), before.birthDate(),
                before.orgId(), before.orgPath(), form.categories(), form.occupation(), newStatus,
                form.joinedOn() != null ? form.joinedOn() : before.joinedOn(), newLeftOn, before.userId());
        Member member = db.inTransaction(c -> {
            Instant now = Instant.now();
            MemberStore.updateAll(c, List.of(after), user.username(), now);
            Member written = MemberStore.byId(c, id).orElseThrow();
            record(c, Actor.of(user), "UPDATE", id, written.orgPath(), MemberHistory.fields(before), MemberHistory.fields(written));
            return written;
        });
        notifyChanged(List.of(member));
        return member;
    }

    /** Moves a member to another union; staff must see both unions. Audited with both. */
    public Member transfer(PortalUser user, long id, long targetOrgId, String reason) {
        Member member = db.inTransaction(c -> {
            Member m = visible(c, DataScope.of(user), id);
            Optional<Organisation> target = AccountStore.organisation(c, targetOrgId);
            Optional<String> problem = MemberRules.transferProblem(m, targetOrgId, target.map(Organisation::path).orElse(null),
                    DataScope.of(user));
            if (problem.isPresent()) {
                throw switch (problem.get()) {
                    case "member_not_found" -> notFound();
                    case "transfer_same_union" -> ProblemException.conflict("transfer_same_union",
                            Text.of("该会员已属于这个工会。", "The member already belongs to this union."));
                    default -> new ProblemException(403, "transfer_target_outside_scope", Text.of(
                            "只能在您管辖范围内的工会之间转移会员；跨区转移请联系市总工会。",
                            "You can only move members between unions of your part of the union tree; ask the city union "
                                    + "for a move between districts."));
                };
            }
            Instant now = Instant.now();
            MemberStore.moveTo(c, id, targetOrgId, target.get().path(), user.username(), now);
            Member moved = MemberStore.byId(c, id).orElseThrow();
            // under the union the member leaves: its staff see where their member went, the new union's in the history
            record(c, Actor.of(user), "TRANSFER", id, m.orgPath(), MemberHistory.fields(m),
                    MemberHistory.with(MemberHistory.fields(moved), "reason", reason));
            return moved;
        });
        notifyChanged(List.of(member));
        return member;
    }

    /**
     * Links (or, with a blank username, unlinks) the portal account a member signs in with. The account must be a
     * member's account (会员) of the caller's subtree and not linked to anybody else.
     */
    public Member linkAccount(PortalUser user, long id, String username) {
        Member member = db.inTransaction(c -> {
            Member m = visible(c, DataScope.of(user), id);
            Instant now = Instant.now();
            if (username == null || username.isBlank()) {
                MemberStore.linkUser(c, id, null, user.username(), now);
                Member unlinked = MemberStore.byId(c, id).orElseThrow();
                record(c, Actor.of(user), "UNLINK", id, m.orgPath(), MemberHistory.fields(m), MemberHistory.fields(unlinked));
                return unlinked;
            }
            PortalUser account = AccountStore.userByName(c, username.strip()).filter(UserRecord::enabled).map(UserRecord::user)
                    .filter(u -> u.hasRole(Role.MEMBER) && DataScope.of(user).covers(u.orgPath()))
                    .orElseThrow(() -> ProblemException.invalid(List.of(FieldError.of("username", "account_not_member",
                            "须为您管辖范围内的会员账号", "Must be the account of a member (会员) in your part of the union tree"))));
            if (m.userId() != null && m.userId() != account.id()) {
                throw ProblemException.conflict("member_already_linked", Text.of("该会员已关联其他账号，请先解除关联。",
                        "This member is linked to another account; unlink it first."));
            }
            Optional<Member> other = MemberStore.byUser(c, account.id());
            if (other.isPresent() && other.get().id() != id) {
                throw ProblemException.conflict("account_linked_elsewhere", Text.of("该账号已关联其他会员。",
                        "This account is already linked to another member."));
            }
            MemberStore.linkUser(c, id, account.id(), user.username(), now);
            Member linked = MemberStore.byId(c, id).orElseThrow();
            record(c, Actor.of(user), "LINK", id, m.orgPath(), MemberHistory.fields(m),
                    MemberHistory.with(MemberHistory.fields(linked), "account", account.username()));
            return linked;
        });
        notifyChanged(List.of(member));
        return member;
    }

    /** What an import found (and, when confirmed, wrote). */
    public record ImportResult(long orgId, int rows, List<MemberImport.Problem> problems, int added, int updated,
                               boolean written) {
    }

    /**
     * Checks a register file for one union of the caller's subtree and, with {@code confirm} and no problem,
     * writes every row in one transaction: new people are registered, the union's own members updated (name,
     * phone, categories, occupation, date of joining). Members of another union are refused, never overwritten.
     */
    public ImportResult importFile(PortalUser user, Long orgId, java.io.InputStream content, String fileName, boolean confirm) {
        LocalDate today = today();
        MemberImport.Parsed parsed = MemberImport.read(content, fileName, today);
        List<String> ids = parsed.rows().stream().map(r -> r.form().idNumber()).filter(Objects::nonNull).distinct().toList();
        if (!confirm) {
            return db.read(c -> {
                Organisation org = unionFor(c, user, orgId);
                List<MemberImport.Problem> problems = MemberImport.check(parsed, today, ofOtherUnions(c, ids, org.id()));
                return new ImportResult(org.id(), parsed.rows().size(), problems, 0, 0, false);
            });
        }
        List<Member> updatedMembers = new ArrayList<>();
        ImportResult result = db.inTransaction(c -> {
            updatedMembers.clear();
            Organisation org = unionFor(c, user, orgId);
            List<MemberImport.Problem> problems = MemberImport.check(parsed, today, ofOtherUnions(c, ids, org.id()));
            if (!problems.isEmpty()) {
                throw new ImportProblems(problems);
            }
            Map<String, Member> existing = MemberStore.byIdNumbers(c, ids);
            Instant now = Instant.now();
            List<MemberRules.Form> added = new ArrayList<>();
            for (MemberImport.Row row : parsed.rows()) {
                MemberRules.Form f = row.form();
                Member m = existing.get(f.idNumber());
                if (m == null) {
                    added.add(f);
                } else {
                    updatedMembers.add(new Member(m.id(), m.idNumber(), f.name(), f.phone() != null ? f.phone() : m.phone(),
                            m.gender(), m.birthDate(), m.orgId(), m.orgPath(), f.categories(), f.occupation(), m.status(),
                            f.joinedOn() != null ? f.joinedOn() : m.joinedOn(), m.leftOn(), m.userId()));
                }
            }
            try {
                MemberStore.insertAll(c, added, org.id(), org.path(), today, user.username(), now);
            } catch (SQLException e) {
                throw uniqueOrFailure(e, "member import failed");
            }
            MemberStore.updateAll(c, updatedMembers, user.username(), now);
            Map<String, Member> written = MemberStore.byIdNumbers(c, ids);
            Actor actor = Actor.of(user);
            for (MemberRules.Form f : added) {
                Member m = written.get(f.idNumber());
                record(c, actor, "IMPORT", m.id(), m.orgPath(), Map.of(), MemberHistory.with(MemberHistory.fields(m), "file", fileName));
            }
            for (Member m : updatedMembers) {
                record(c, actor, "UPDATE", m.id(), m.orgPath(), MemberHistory.fields(existing.get(m.idNumber())),
                        MemberHistory.with(MemberHistory.fields(written.get(m.idNumber())), "file", fileName));
            }
            return new ImportResult(org.id(), parsed.rows().size(), List.of(), added.size(), updatedMembers.size(), true);
        });
        notifyChanged(db.read(c -> MemberStore.byIds(c, updatedMembers.stream().map(Member::id).toList(), DataScope.subtree("/"))));
        return result;
    }

    /** 422 listing an import's problems (line, field, code, message in the caller's language). */
    public static final class ImportProblems extends ProblemException {
        private static final long serialVersionUID = 1L;

        ImportProblems(List<MemberImport.Problem> problems) {
            super(422, "import_has_problems", Text.of("文件中有 " + problems.size() + " 处问题，请按行修改后重新导入。",
                    problems.size() + " problem(s) in the file; fix the rows listed and import again."),
                    problems.stream().limit(2000).map(p -> new FieldError("line " + p.line() + ": " + p.field(), p.code(),
                            p.name() == null ? p.text() : p.text().append("（" + p.name() + "）", " (" + p.name() + ")",
                                    Text.of("", "")))).toList());
        }
    }

    /** Tells the modules that keep a copy; a listener's failure is logged, never the caller's. */
    void notifyChanged(Collection<Member> members) {
        for (MemberListener listener : listeners) {
            for (Member m : members) {
                try {
                    listener.memberChanged(m);
                } catch (RuntimeException e) {
                    LOG.warn("A member listener failed for member {}", m.id(), e);
                }
            }
        }
    }

    private static List<String> normalized(Collection<String> idNumbers) {
        return idNumbers.stream().map(IdNumbers::normalize).filter(Objects::nonNull).distinct().toList();
    }
}
