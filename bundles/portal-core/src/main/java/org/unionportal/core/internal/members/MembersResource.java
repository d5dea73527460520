package org.unionportal.core.internal.members;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.MembershipStatus;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.ProblemException.FieldError;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/**
 * The member register (会员库) over HTTP: operators keep their union's members, district and city staff see (and
 * transfer within) their subtree. Lists mask ID and phone numbers; every answer is {@code no-store}.
 */
@Component(service = MembersResource.class)
@PortalResource
@Path("/portal/members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
public class MembersResource {
    static final String NO_STORE = "private, no-store";

    @Reference
    MemberService members;

    /** The form's body: what an operator types. */
    public record MemberBody(String idNumber, String name, String phone, List<String> categories, String occupation,
                             LocalDate joinedOn, Long orgId, String status, LocalDate leftOn) {
    }

    public record TransferBody(Long orgId, String reason) {
    }

    public record AccountBody(String username) {
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("orgId") Long orgId, @QueryParam("category") String category,
                         @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                         @HeaderParam("Accept-Language") String acceptLanguage, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Language lang = Language.fromAcceptLanguage(acceptLanguage);
        int limit = Paging.size(size);
        MemberService.Page found = members.search(user, query(q, orgId, category, status), Paging.offset(page, limit), limit);
        Map<Long, String> unions = members.unionNames(user);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("total", found.total());
        view.put("page", page == null || page < 1 ? 1 : page);
        view.put("size", limit);
        view.put("items", found.items().stream().map(m -> masked(m, unions, lang)).toList());
        return personal(view);
    }

    /** Categories, occupations, statuses with their labels, and the unions the caller may choose. */
    @GET
    @Path("/options")
    public Response options(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("categories", labels(MemberCategory.values()));
        view.put("occupations", labels(GigOccupation.values()));
        view.put("statuses", labels(MembershipStatus.values()));
        view.put("unions", members.unions(user).stream().map(o -> {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("id", o.id());
            u.put("name", o.name());
            u.put("kind", o.kind());
            u.put("depth", o.path().split("/").length - user.orgPath().split("/").length);
            return u;
        }).toList());
        view.put("ownOrgId", user.orgId());
        view.put("canTransfer", user.hasAnyRole(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN));
        view.put("importColumns", MemberImport.HEADERS.values().stream().map(t -> Map.of("zh", t.zh(), "en", t.en())).toList());
        return personal(view);
    }

    /** A signed-in member's own record. */
    @GET
    @Path("/me")
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN, Role.REVIEWER})
    public Response me(@HeaderParam("Accept-Language") String acceptLanguage, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Member m = members.ofUser(user.id()).orElseThrow(() -> ProblemException.notFound("member_not_linked", Text.of(
                "您的账号还没有关联会员信息，请联系所在工会。", "Your account is not linked to a member record; ask your union.")));
        Language lang = Language.fromAcceptLanguage(acceptLanguage);
        return personal(full(m, members.ownUnionName(m), lang, false));
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") long id, @HeaderParam("Accept-Language") String acceptLanguage,
                           @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Member m = members.visible(user, id);
        Language lang = Language.fromAcceptLanguage(acceptLanguage);
        Map<String, Object> view = full(m, members.unionNames(user), lang, true);
        view.put("account", members.accountOf(m).orElse(null));
        List<Map<String, Object>> history = new ArrayList<>();
        for (MemberStore.Event e : members.history(user, id)) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("at", e.at().toString());
            h.put("actor", e.actor());
            h.put("action", e.action());
            // the other union of a transfer is named only when the caller can see it
            h.put("from", e.fromOrgId() == null ? null : visibleName(user, e.fromOrgId(), lang));
            h.put("to", e.toOrgId() == null ? null : visibleName(user, e.toOrgId(), lang));
            h.put("detail", e.detail());
            history.add(h);
        }
        view.put("history", history);
        return personal(view);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(MemberBody body, @HeaderParam("Accept-Language") String acceptLanguage,
                           @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Member m = members.create(user, form(body), body == null ? null : body.orgId());
        Language lang = Language.fromAcceptLanguage(acceptLanguage);
        return Response.status(201).entity(full(m, members.unionNames(user), lang, true))
                .header("Cache-Control", NO_STORE).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, MemberBody body, @HeaderParam("Accept-Language") String acceptLanguage,
                           @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        if (body != null && body.orgId() != null && members.visible(user, id).orgId() != body.orgId()) {
            throw ProblemException.invalid(List.of(FieldError.of("orgId", "use_transfer", "更换工会请使用“会员转移”",
                    "Use a transfer to move a member to another union")));
        }
        MembershipStatus status = body == null || body.status() == null ? null : parse(MembershipStatus.values(), body.status(),
                "status");
        Member m = members.update(user, id, form(body), status, body == null ? null : body.leftOn());
        Language lang = Language.fromAcceptLanguage(acceptLanguage);
        return personal(full(m, members.unionNames(user), lang, true));
    }

    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response transfer(@PathParam("id") long id, TransferBody body, @HeaderParam("Accept-Language") String acceptLanguage,
                             @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        // The scope first: another organisation's member is not found, whatever the body says.
        members.visible(user, id);
        if (body == null || body.orgId() == null) {
            throw ProblemException.invalid(List.of(FieldError.of("orgId", "required", "请选择转入的工会", "Choose the union to move to")));
        }
        if (body.reason() != null && body.reason().length() > 500) {
            throw ProblemException.invalid(List.of(FieldError.of("reason", "too_long", "最多 500 个字", "At most 500 characters")));
        }
        Member m = members.transfer(user, id, body.orgId(), body.reason());
        Language lang = Language.fromAcceptLanguage(acceptLanguage);
        return personal(full(m, members.unionNames(user), lang, true));
    }

    @PUT
    @Path("/{id}/account")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response account(@PathParam("id") long id, AccountBody body, @HeaderParam("Accept-Language") String acceptLanguage,
                            @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Member m = members.linkAccount(user, id, body == null ? null : body.username());
        Language lang = Language.fromAcceptLanguage(acceptLanguage);
        Map<String, Object> view = full(m, members.unionNames(user), lang, true);
        view.put("account", body == null || body.username() == null || body.username().isBlank() ? null : body.username().strip());
        return personal(view);
    }

    /**
     * A register file (CSV or XLSX as the body, {@code ?fileName=}) for the caller's union or {@code ?orgId=} of
     * the subtree: without {@code confirm=true} only checked, every row's problems listed with its name; with it,
     * checked again and written in one transaction (422 with the problems when there are any).
     */
    @POST
    @Path("/imports")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", TableExport.XLSX_CONTENT_TYPE, MediaType.TEXT_PLAIN})
    public Response importFile(@QueryParam("fileName") String fileName, @QueryParam("orgId") Long orgId,
                               @QueryParam("confirm") boolean confirm, InputStream body,
                               @HeaderParam("Accept-Language") String acceptLanguage, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        if (fileName == null || fileName.isBlank()) {
            throw ProblemException.badRequest("file_name_missing", Text.of("请以 ?fileName=名单.xlsx 告知文件名。",
                    "Send the file name as ?fileName=members.xlsx."));
        }
        Language lang = Language.fromAcceptLanguage(acceptLanguage);
        MemberService.ImportResult r = members.importFile(user, orgId, body, fileName, confirm);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orgId", r.orgId());
        view.put("rows", r.rows());
        view.put("problemCount", r.problems().size());
        view.put("problems", r.problems().stream().limit(2000).map(p -> p.view(lang)).toList());
        view.put("canConfirm", r.problems().isEmpty() && r.rows() > 0);
        view.put("written", r.written());
        view.put("added", r.added());
        view.put("updated", r.updated());
        return Response.status(r.written() ? 201 : 200).entity(view).header("Cache-Control", NO_STORE).build();
    }

    /** The register of the subtree (filtered like the list) as CSV or XLSX, ID and phone numbers masked. */
    @GET
    @Path("/export")
    @Produces({TableExport.CSV_CONTENT_TYPE, TableExport.XLSX_CONTENT_TYPE, MediaType.APPLICATION_JSON})
    public Download export(@QueryParam("format") String format, @QueryParam("q") String q, @QueryParam("orgId") Long orgId,
                           @QueryParam("category") String category, @QueryParam("status") String status,
                           @HeaderParam("Accept-Language") String acceptLanguage, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        return members.export(user, query(q, orgId, category, status), TableFormat.parse(format),
                Language.fromAcceptLanguage(acceptLanguage));
    }

    // --- views --------------------------------------------------------------------------------------

    static Response personal(Object entity) {
        return Response.ok(entity).header("Cache-Control", NO_STORE).build();
    }

    private static MemberService.Query query(String q, Long orgId, String category, String status) {
        return new MemberService.Query(q, orgId,
                category == null || category.isBlank() ? null : parse(MemberCategory.values(), category, "category"),
                status == null || status.isBlank() ? null : parse(MembershipStatus.values(), status, "status"));
    }

    static MemberRules.Form form(MemberBody b) {
        if (b == null) {
            throw ProblemException.invalid(List.of(FieldError.of("name", "required", "请填写会员信息", "Send the member's details")));
        }
        Set<MemberCategory> categories = EnumSet.noneOf(MemberCategory.class);
        if (b.categories() != null) {
            for (String code : b.categories()) {
                categories.add(parse(MemberCategory.values(), code, "categories"));
            }
        }
        GigOccupation occupation = b.occupation() == null || b.occupation().isBlank() ? null
                : parse(GigOccupation.values(), b.occupation(), "occupation");
        return new MemberRules.Form(b.idNumber(), b.name(), b.phone(), categories, occupation, b.joinedOn());
    }

    static <E extends Enum<E> & Labelled> E parse(E[] values, String code, String field) {
        for (E e : values) {
            if (e.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return e;
            }
        }
        throw ProblemException.invalid(List.of(FieldError.of(field, "unknown_code", "无法识别：" + code, "Unknown value: " + code)));
    }

    static List<Map<String, String>> labels(Labelled[] values) {
        return Arrays.stream(values).map(v -> Map.of("code", v.code(), "zh", v.label().zh(), "en", v.label().en())).toList();
    }

    private String visibleName(PortalUser user, long orgId, Language lang) {
        return members.visibleUnionName(user, orgId).orElse(Text.of("其他工会", "another union").in(lang));
    }

    static Map<String, Object> masked(Member m, Map<Long, String> unions, Language lang) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("name", m.name());
        v.put("idNumber", Masking.idNumber(m.idNumber()));
        v.put("phone", Masking.phone(m.phone()));
        v.put("gender", m.gender());
        v.put("orgId", m.orgId());
        v.put("orgName", unions.get(m.orgId()));
        v.put("categories", m.categories().stream().map(MemberCategory::code).toList());
        v.put("categoryLabels", m.categories().stream().map(x -> x.label().in(lang)).toList());
        v.put("occupation", m.occupation() == null ? null : m.occupation().code());
        v.put("status", m.status().code());
        v.put("statusLabel", m.status().label().in(lang));
        v.put("joinedOn", m.joinedOn() == null ? null : m.joinedOn().toString());
        v.put("linked", m.userId() != null);
        return v;
    }

    static Map<String, Object> full(Member m, Map<Long, String> unions, Language lang, boolean staff) {
        Map<String, Object> v = masked(m, unions, lang);
        v.put("idNumber", m.idNumber());
        v.put("phone", m.phone());
        v.put("birthDate", m.birthDate() == null ? null : m.birthDate().toString());
        v.put("leftOn", m.leftOn() == null ? null : m.leftOn().toString());
        v.put("occupationLabel", m.occupation() == null ? null : m.occupation().label().in(lang));
        return v;
    }
}
