package org.unionportal.core.internal.members;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.security.Masking;
import org.unionportal.core.internal.audit.AuditStore;

/**
 * A member's changes as the audit trail keeps them, and the history the register shows: the rows of the old
 * PORTAL_MEMBER_EVENT table (written until the register moved to the audit trail, read but no longer written)
 * followed by the trail's entries. Pure functions.
 */
final class MemberHistory {
    /** The audit trail's names for the register's records. */
    static final String MODULE = "portal";
    static final String RECORD_TYPE = "member";
    /**
     * The trail's record of a bulk registration (a roster's new people), one entry for all of them, kept under the
     * union's id: its after holds how many, the range of their member ids and what was registered.
     */
    static final String REGISTRATION = "member-registration";
    /** The actions that begin a member's history. */
    static final java.util.Set<String> BEGINNINGS = java.util.Set.of("CREATE", "REGISTER", "ADOPT", "IMPORT");

    private MemberHistory() {
    }

    /**
     * A member's fields for the audit trail's before/after. ID and phone numbers are masked: the trail is read by
     * administrators browsing changes, who need to see that a number changed, not the number.
     */
    static Map<String, Object> fields(Member m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", m.name());
        f.put("idNumber", Masking.idNumber(m.idNumber()));
        f.put("phone", m.phone() == null ? null : Masking.phone(m.phone()));
        f.put("orgId", m.orgId());
        f.put("categories", m.categories().stream().map(MemberCategory::code).sorted().collect(Collectors.joining(",")));
        f.put("occupation", m.occupation() == null ? null : m.occupation().code());
        f.put("status", m.status().code());
        f.put("joinedOn", m.joinedOn() == null ? null : m.joinedOn().toString());
        f.put("leftOn", m.leftOn() == null ? null : m.leftOn().toString());
        f.put("userId", m.userId());
        return f;
    }

    /** {@code fields} with one more entry (a reason, a file name), which the trail keeps as it is only after. */
    static Map<String, Object> with(Map<String, Object> fields, String key, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put(key, value);
        return f;
    }

    /**
     * The after of a bulk registration's entry: the union, how many new members and the range of their ids (each
     * member's history finds its registration by it), how many known members it changed (each has its own entry),
     * and the caller's {@code source}.
     */
    static Map<String, Object> registration(long orgId, int added, long firstId, long lastId, int changed,
                                            Map<String, Object> source) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("orgId", orgId);
        f.put("newMembers", added);
        f.put("firstMemberId", firstId);
        f.put("lastMemberId", lastId);
        f.put("changedMembers", changed);
        source.forEach(f::putIfAbsent);
        return f;
    }

    /** Whether a bulk registration's entry holds member {@code memberId} (its id within the entry's range). */
    static boolean holds(AuditStore.Row registration, long memberId) {
        Map<String, Object> after = AuditStore.fields(registration.afterJson());
        Long first = number(after.get("firstMemberId"));
        Long last = number(after.get("lastMemberId"));
        return first != null && last != null && first <= memberId && memberId <= last;
    }

    /** A bulk registration's entry as the first line of one of its members' history. */
    static MemberStore.Event registered(AuditStore.Row registration) {
        Map<String, Object> after = AuditStore.fields(registration.afterJson());
        String file = text(after.get("fileName"));
        String detail = "registered in bulk with " + after.get("newMembers") + " new member(s)" + (file == null ? "" : ", file " + file);
        return new MemberStore.Event(registration.id(), registration.occurredAt(), registration.username(), "REGISTER", null,
                number(after.get("orgId")), detail);
    }

    /** The fields an edit changed, as the history's detail: {@code phone: 139****0001 -> 139****0002; …}. */
    static String describe(Map<String, Object> before, Map<String, Object> after) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("name", "phone", "categories", "occupation", "status", "joinedOn", "leftOn")) {
            if ((before.containsKey(key) || after.containsKey(key)) && !Objects.equals(before.get(key), after.get(key))) {
                parts.add(key + ": " + before.get(key) + " -> " + after.get(key));
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** One audit entry as a history line; the trail keeps only changed fields, so a missing key means "same". */
    static MemberStore.Event event(AuditStore.Row row) {
        Map<String, Object> before = AuditStore.fields(row.beforeJson());
        Map<String, Object> after = AuditStore.fields(row.afterJson());
        Long from = null;
        Long to = null;
        String detail;
        switch (row.action()) {
            case "TRANSFER" -> {
                from = number(before.get("orgId"));
                to = number(after.get("orgId"));
                detail = text(after.get("reason"));
            }
            case "LINK" -> detail = after.get("account") == null ? null : "account " + after.get("account");
            case "IMPORT" -> detail = text(after.get("file"));
            case "CREATE", "REGISTER", "ADOPT" -> {
                to = number(after.get("orgId"));
                detail = text(after.get("note"));
            }
            default -> {
                String changes = describe(before, after);
                String file = text(after.get("file"));
                detail = file == null ? (changes == null ? "no change" : changes)
                        : "import " + file + (changes == null ? "" : "; " + changes);
            }
        }
        return new MemberStore.Event(row.id(), row.occurredAt(), row.username(), row.action(), from, to, detail);
    }

    /** The old table's lines, then the trail's, in time order (ties keep that order). */
    static List<MemberStore.Event> merged(List<MemberStore.Event> legacy, List<AuditStore.Row> trail) {
        List<MemberStore.Event> all = new ArrayList<>(legacy);
        trail.stream().map(MemberHistory::event).forEach(all::add);
        all.sort(Comparator.comparing(MemberStore.Event::at));
        return all;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
