package org.unionportal.core.internal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.unionportal.api.audit.AuditLabels;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.core.internal.store.Organisation;

/**
 * The audit trail of the caller's subtree, for platform and district administrators: per record
 * ({@code module}, {@code recordType}, {@code recordId}), per user ({@code user}), per action, per day range
 * ({@code from}, {@code until}, inclusive, Asia/Shanghai), newest first; and the same as CSV or XLSX. One record's
 * history also has its own route, which answers 404 for a record outside the caller's subtree.
 */
@Component(service = AuditResource.class)
@PortalResource
@Path("/portal/audit")
@RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
public class AuditResource {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The most rows one export holds. */
    static final int MAX_EXPORT = 50_000;
    /** The widths of PORTAL_AUDIT_ENTRY's MODULE, RECORD_TYPE and RECORD_ID. */
    static final int MAX_MODULE = 40;
    static final int MAX_RECORD_TYPE = 40;
    static final int MAX_RECORD_ID = 100;

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    PortalDatabase db;

    /** What each module calls its entries (the modules' {@link AuditLabels} services, the portal's own among them). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<AuditLabels> labels = List.of();

    /**
     * The names of modules, record types and actions in both languages, per module code: the page shows the entries'
     * codes by these names in its language (a code no module names stays a code).
     */
    @GET
    @Path("/labels")
    @Produces(MediaType.APPLICATION_JSON)
    public Response labels() {
        return Response.ok(Map.of("modules", namesOf(labels))).header("Cache-Control", "private, no-store").build();
    }

    /** The labels per module, ordered by module code. */
    static List<Map<String, Object>> namesOf(List<AuditLabels> all) {
        List<Map<String, Object>> modules = new ArrayList<>();
        for (AuditLabels l : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("module", l.module());
            m.put("name", l.name());
            m.put("recordTypes", l.recordTypes());
            m.put("actions", l.actions());
            m.put("fields", l.fields());
            modules.add(m);
        }
        modules.sort(java.util.Comparator.comparing(m -> String.valueOf(m.get("module"))));
        return modules;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("module") String module, @QueryParam("recordType") String recordType,
                         @QueryParam("recordId") String recordId, @QueryParam("user") String user,
                         @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("until") String until,
                         @QueryParam("page") Integer page, @QueryParam("size") Integer size, @Context SecurityContext context) {
        PortalUser caller = CurrentUser.of(context.getUserPrincipal());
        AuditStore.Filter filter = filter(caller, module, recordType, recordId, user, action, from, until);
        int limit = Paging.size(size);
        long offset = Paging.offset(page, limit);
        Map<String, Object> answer = db.read(c -> page(c, caller, filter, offset, limit));
        return Response.ok(answer).header("Cache-Control", "private, no-store").build();
    }

    /**
     * One record's history as the caller's subtree holds it, newest first, in the list's shape. A record with no
     * entry in the caller's subtree (another district's, or unknown) answers 404 like a record that does not exist,
     * where the list's filter would answer an empty page.
     */
    @GET
    @Path("/records/{module}/{recordType}/{recordId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("module") String module, @PathParam("recordType") String recordType,
                           @PathParam("recordId") String recordId, @QueryParam("page") Integer page,
                           @QueryParam("size") Integer size, @Context SecurityContext context) {
        PortalUser caller = CurrentUser.of(context.getUserPrincipal());
        int limit = Paging.size(size);
        long offset = Paging.offset(page, limit);
        Map<String, Object> answer = db.read(c -> recordHistory(c, caller, module, recordType, recordId, offset, limit));
        return Response.ok(answer).header("Cache-Control", "private, no-store").build();
    }

    /** See {@link #record}; throws the 404 {@code audit_record_not_found}. */
    static Map<String, Object> recordHistory(java.sql.Connection c, PortalUser caller, String module, String recordType,
                                             String recordId, long offset, int limit) throws java.sql.SQLException {
        ProblemException notFound = ProblemException.notFound("audit_record_not_found",
                Text.of("没有这条记录的操作日志。", "There is no audit trail of this record."));
        if (module.length() > MAX_MODULE || recordType.length() > MAX_RECORD_TYPE || recordId.length() > MAX_RECORD_ID) {
            throw notFound;   // longer than its column: no entry can have it (and the database would refuse the comparison)
        }
        AuditStore.Filter filter = new AuditStore.Filter(DataScope.of(caller), module, recordType, recordId, null, null, null, null);
        Map<String, Object> answer = page(c, caller, filter, offset, limit);
        if ((Long) answer.get("total") == 0) {
            throw notFound;
        }
        return answer;
    }

    /** {@code {"total": n, "items": [...]}} of the filter, newest first, with organisation and user names. */
    private static Map<String, Object> page(java.sql.Connection c, PortalUser caller, AuditStore.Filter filter, long offset,
                                            int limit) throws java.sql.SQLException {
        Map<String, String> orgNames = orgNames(c, caller);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("total", AuditStore.count(c, filter));
        List<Map<String, Object>> items = new ArrayList<>();
        List<AuditStore.Row> rows = AuditStore.list(c, filter, offset, limit);
        Map<String, String> people = displayNames(c, rows);
        for (AuditStore.Row r : rows) {
            Map<String, Object> v = view(r, orgNames);
            v.put("userName", people.getOrDefault(r.username(), r.username()));   // 张丽, not operator
            items.add(v);
        }
        a.put("items", items);
        return a;
    }

    @GET
    @Path("/export")
    @Produces({TableExport.CSV_CONTENT_TYPE, TableExport.XLSX_CONTENT_TYPE, MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") String format, @QueryParam("module") String module,
                           @QueryParam("recordType") String recordType, @QueryParam("recordId") String recordId,
                           @QueryParam("user") String user, @QueryParam("action") String action,
                           @QueryParam("from") String from, @QueryParam("until") String until,
                           @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                           @Context SecurityContext context) {
        PortalUser caller = CurrentUser.of(context.getUserPrincipal());
        String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw ProblemException.badRequest("format_unknown", Text.of("格式只能是 csv 或 xlsx。", "format must be csv or xlsx."));
        }
        AuditStore.Filter filter = filter(caller, module, recordType, recordId, user, action, from, until);
        // a download link cannot send headers: the page's language comes as ?lang=
        Language language = Language.fromAcceptLanguage(lang == null || lang.isBlank() ? acceptLanguage : lang);
        List<String> headers = List.of(
                Text.of("时间", "Time").in(language), Text.of("操作人", "User").in(language), Text.of("模块", "Module").in(language),
                Text.of("记录类型", "Record type").in(language), Text.of("记录编号", "Record id").in(language),
                Text.of("操作", "Action").in(language), Text.of("所属组织", "Organisation").in(language),
                Text.of("变更前", "Before").in(language), Text.of("变更后", "After").in(language));
        List<List<Object>> rows = db.read(c -> {
            Map<String, String> orgNames = orgNames(c, caller);
            List<List<Object>> out = new ArrayList<>();
            List<AuditStore.Row> all = AuditStore.list(c, filter, 0, MAX_EXPORT);
            Map<String, String> people = displayNames(c, all);
            for (AuditStore.Row r : all) {
                String who = people.containsKey(r.username()) ? people.get(r.username()) + " (" + r.username() + ")" : r.username();
                out.add(List.of(r.occurredAt().atZone(SHANGHAI).toLocalDateTime().toString(), who, r.module(),
                        r.recordType(), r.recordId(), r.action(), orgName(r.orgPath(), orgNames),
                        r.beforeJson() == null ? "" : r.beforeJson(), r.afterJson() == null ? "" : r.afterJson()));
            }
            return out;
        });
        String base = Text.of("操作日志-", "audit-").in(language) + LocalDate.now(SHANGHAI);
        byte[] body = f.equals("csv") ? TableExport.csv(headers, rows) : TableExport.xlsx("audit", headers, rows);
        return Response.ok(body, f.equals("csv") ? TableExport.CSV_CONTENT_TYPE : TableExport.XLSX_CONTENT_TYPE)
                .header("Content-Disposition", org.unionportal.api.export.Download.of(base + "." + f, "application/octet-stream",
                        new byte[0], true).contentDisposition())
                .header("Cache-Control", "private, no-store")
                .build();
    }

    static AuditStore.Filter filter(PortalUser caller, String module, String recordType, String recordId, String user,
                                    String action, String from, String until) {
        LocalDate fromDay = day(from, "from");
        LocalDate untilDay = day(until, "until");
        return new AuditStore.Filter(DataScope.of(caller), blank(module), blank(recordType), blank(recordId), blank(user),
                blank(action), fromDay == null ? null : fromDay.atStartOfDay(SHANGHAI).toInstant(),
                untilDay == null ? null : untilDay.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(ProblemException.FieldError.of(field, "date_invalid",
                    "日期格式应为 2025-01-31。", "A date looks like 2025-01-31.")));
        }
    }

    /** The display names of the rows' users (usernames as they were written; a deleted user keeps the username). */
    private static Map<String, String> displayNames(java.sql.Connection c, List<AuditStore.Row> rows) throws java.sql.SQLException {
        List<String> names = rows.stream().map(AuditStore.Row::username).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> people = new HashMap<>();
        if (names.isEmpty()) {
            return people;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
        for (String[] r : org.unionportal.api.db.Jdbc.list(c, "SELECT USERNAME, DISPLAY_NAME FROM PORTAL_USER WHERE USERNAME IN (" + marks + ")",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, names.toArray())) {
            if (r[1] != null && !r[1].isBlank()) {
                people.put(r[0], r[1]);
            }
        }
        return people;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Organisation path to name, for the caller's subtree. */
    private static Map<String, String> orgNames(java.sql.Connection c, PortalUser caller) throws java.sql.SQLException {
        Map<String, String> names = new HashMap<>();
        for (Organisation o : AccountStore.subtree(c, caller.orgPath())) {
            names.put(o.path(), o.name());
        }
        return names;
    }

    private static String orgName(String path, Map<String, String> names) {
        return names.getOrDefault(path, path);
    }

    static Map<String, Object> view(AuditStore.Row r, Map<String, String> orgNames) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("occurredAt", r.occurredAt().toString());
        v.put("username", r.username());
        v.put("userId", r.userId());
        v.put("module", r.module());
        v.put("recordType", r.recordType());
        v.put("recordId", r.recordId());
        v.put("action", r.action());
        v.put("orgPath", r.orgPath());
        v.put("orgName", orgName(r.orgPath(), orgNames));
        v.put("before", parse(r.beforeJson()));
        v.put("after", parse(r.afterJson()));
        return v;
    }

    private static Object parse(String json) {
        return AuditStore.fields(json);
    }
}
