package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.module.Figure;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Recipient;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

class EntryRulesTest {

    @Test
    void titleIsTrimmedAndAMissingOrLongOneIs422WithAFieldError() {
        assertEquals("Hello 工会", EntryRules.validTitle("  Hello 工会 "));
        for (String title : new String[] {null, "  ", "x".repeat(201)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> EntryRules.validTitle(title));
            assertEquals(422, e.status());
            assertEquals("title", e.errors().get(0).field());
        }
    }

    @Test
    void missingBodyIs400InBothLanguages() {
        ProblemException e = assertThrows(ProblemException.class, () -> EntryRules.required(null));
        assertEquals(400, e.status());
        assertEquals("请求需要 JSON 内容。", e.message().in(Language.ZH));
        assertEquals("The request needs a JSON body.", e.message().in(Language.EN));
    }

    @Test
    void aDoneEntryIsClosed() {
        EntryRules.requireOpen(entry(EntryStatus.OPEN, 7));
        assertEquals(409, assertThrows(ProblemException.class, () -> EntryRules.requireOpen(entry(EntryStatus.DONE, 7))).status());
    }

    @Test
    void theCreatorHearsOnceWhenSomeoneElseMarksTheirEntryDone() {
        Notification notice = EntryRules.doneNotice(entry(EntryStatus.DONE, 7), user(3, "王主席")).orElseThrow();
        assertEquals("${moduleId}", notice.module());
        assertEquals("ENTRY_DONE:entry:12", notice.dedupKey());
        assertEquals(Recipient.user(7), notice.recipient());
        assertEquals("/1/2/5/", notice.orgPath());
        assertEquals("您登记的事项“修路灯”（编号 12）已由王主席办结。", notice.text().in(Language.ZH));
        assertEquals(Optional.empty(), EntryRules.doneNotice(entry(EntryStatus.DONE, 7), user(7, "李干事")));
    }

    @Test
    void figuresAddUpEachChildsWholeSubtree() {
        OrganisationInfo district = new OrganisationInfo(2, 1L, "梁溪区总工会", "DISTRICT", "/1/2/");
        OrganisationInfo kindergarten = new OrganisationInfo(5, 2L, "幼儿园工会", "GRASSROOTS", "/1/2/5/");
        OrganisationInfo team = new OrganisationInfo(9, 5L, "一班", "GRASSROOTS", "/1/2/5/9/");
        EntryRules.Figures figures = EntryRules.figures(district, List.of(district, kindergarten, team), List.of(
                new EntryRules.Count("/1/2/", EntryStatus.OPEN, 1),
                new EntryRules.Count("/1/2/5/9/", EntryStatus.DONE, 4)));
        assertEquals(new EntryRules.OrgFigures(2, "梁溪区总工会", 1, 4, 5), figures.total());
        assertEquals(List.of(new EntryRules.OrgFigures(5, "幼儿园工会", 0, 4, 4)), figures.children());
    }

    @Test
    void theConsoleShowsOpenEntriesAsPendingWork() {
        List<Figure> figures = EntryRules.statusFigures(Map.of(EntryStatus.OPEN, 4L));
        assertEquals(4, figures.get(0).value());
        assertTrue(figures.get(0).pending());
        assertEquals(0, figures.get(1).value());
    }

    @Test
    void theMenuEntryIsForStaffOnly() {
        assertEquals("/modules/${moduleId}/entries.js", ModuleMenu.ENTRIES.get(0).page());
        assertTrue(ModuleMenu.ENTRIES.get(0).visibleTo(Set.of(Role.UNION_OPERATOR)));
        assertTrue(!ModuleMenu.ENTRIES.get(0).visibleTo(Set.of(Role.MEMBER)));
    }

    private static Entry entry(EntryStatus status, long createdById) {
        return new Entry(12, 5, "/1/2/5/", "修路灯", status, "operator", createdById, "2026-01-01T00:00:00Z", null, null);
    }

    private static PortalUser user(long id, String displayName) {
        return new PortalUser(id, "u" + id, displayName, 5, "/1/2/5/", Set.of(Role.UNION_OPERATOR));
    }
}
