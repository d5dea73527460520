package ${package}.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.module.Figure;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Recipient;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.PortalUser;

/** The module's rules: pure functions, no database, no OSGi; most of its unit tests are here. */
public final class EntryRules {
    static final String MODULE = "${moduleId}";
    static final int MAX_TITLE = 200;
    /** The notification kind of "your entry was marked done". */
    static final String ENTRY_DONE = "ENTRY_DONE";

    private EntryRules() {
    }

    /** The title, trimmed; 422 with a field error when missing or longer than the column. */
    public static String validTitle(String title) {
        String trimmed = title == null ? null : title.strip();
        new Validation().requireText(trimmed, "title", MAX_TITLE).throwIfInvalid();
        return trimmed;
    }

    /** The request body, or 400 when there is none. */
    public static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.badRequest("body_required", Text.of("请求需要 JSON 内容。", "The request needs a JSON body."));
        }
        return body;
    }

    /** An open entry may be marked done; a done entry is closed (409). */
    public static void requireOpen(Entry entry) {
        if (entry.status() != EntryStatus.OPEN) {
            throw ProblemException.conflict(MODULE + "_entry_done",
                    Text.of("该事项已办结，不能再修改。", "This entry is done and can no longer be changed."));
        }
    }

    public static ProblemException notFound() {
        // the same answer for "missing" and "not in your subtree", so nothing leaks
        return ProblemException.notFound(MODULE + "_entry_not_found",
                Text.of("找不到该事项，或它不在您的管辖范围内。", "No such entry in your part of the union tree."));
    }

    public static ProblemException organisationNotFound() {
        return ProblemException.notFound(MODULE + "_organisation_not_found",
                Text.of("您的管辖范围内没有该组织。", "No such organisation in your part of the union tree."));
    }

    /**
     * The message to an entry's creator that someone else marked it done; none when they did it themselves.
     * Keyed per entry: it is queued once, whoever retries.
     */
    public static Optional<Notification> doneNotice(Entry done, PortalUser doneBy) {
        if (done.createdById() == doneBy.id()) {
            return Optional.empty();
        }
        String who = doneBy.displayName() == null || doneBy.displayName().isBlank() ? doneBy.username() : doneBy.displayName();
        Text text = Text.of("您登记的事项“" + done.title() + "”（编号 " + done.id() + "）已由" + who + "办结。",
                "Your entry \"" + done.title() + "\" (no. " + done.id() + ") was marked done by " + who + ".");
        return Optional.of(Notification.of(MODULE, ENTRY_DONE, Notification.dedupKey(ENTRY_DONE, "entry", done.id()),
                Recipient.user(done.createdById()), done.orgPath(), text));
    }

    /** How many entries of each status one organisation holds (as the store counts them). */
    public record Count(String orgPath, EntryStatus status, long entries) {
    }

    /** One line of the figures: an organisation and the entries of its whole subtree. */
    public record OrgFigures(long orgId, String orgName, long open, long done, long total) {
    }

    /** The figures: the caller's organisation as a whole, then each of its direct children. */
    public record Figures(OrgFigures total, List<OrgFigures> children) {
    }

    /** Adds the counts up per direct child of {@code own} (a child's line holds its whole subtree). */
    public static Figures figures(OrganisationInfo own, List<OrganisationInfo> subtree, List<Count> counts) {
        Map<Long, long[]> byChild = new LinkedHashMap<>();
        List<OrganisationInfo> children = subtree.stream()
                .filter(o -> o.parentId() != null && o.parentId() == own.id()).toList();
        children.forEach(c -> byChild.put(c.id(), new long[2]));
        long[] total = new long[2];
        for (Count count : counts) {
            int slot = count.status() == EntryStatus.DONE ? 1 : 0;
            total[slot] = Math.addExact(total[slot], count.entries());
            for (OrganisationInfo child : children) {
                if (count.orgPath().startsWith(child.path())) {
                    long[] line = byChild.get(child.id());
                    line[slot] = Math.addExact(line[slot], count.entries());
                }
            }
        }
        List<OrgFigures> lines = new ArrayList<>();
        for (OrganisationInfo child : children) {
            long[] line = byChild.get(child.id());
            lines.add(new OrgFigures(child.id(), child.name(), line[0], line[1], Math.addExact(line[0], line[1])));
        }
        return new Figures(new OrgFigures(own.id(), own.name(), total[0], total[1], Math.addExact(total[0], total[1])), lines);
    }

    /** The console page's figures: open entries are work waiting for someone. */
    public static List<Figure> statusFigures(Map<EntryStatus, Long> totals) {
        return List.of(
                Figure.pending("entries.open", Text.of("待办事项", "Open entries"), totals.getOrDefault(EntryStatus.OPEN, 0L)),
                Figure.count("entries.done", Text.of("已办结事项", "Done entries"), totals.getOrDefault(EntryStatus.DONE, 0L)));
    }
}
