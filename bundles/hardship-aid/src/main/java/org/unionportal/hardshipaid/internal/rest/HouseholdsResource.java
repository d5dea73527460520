package org.unionportal.hardshipaid.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.web.UploadedFiles;
import org.unionportal.hardshipaid.internal.rules.Level;
import org.unionportal.hardshipaid.internal.store.Codes;
import org.unionportal.hardshipaid.internal.store.FormCheck;
import org.unionportal.hardshipaid.internal.store.HouseholdForm;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;
import org.unionportal.hardshipaid.internal.store.HouseholdStore.Summary;

/** The household registry (建档): applications, review, yearly re-checks, leaving the file, documents. */
@Component(service = HouseholdsResource.class)
@PortalResource
@Path("/hardship-aid/households")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdsResource {
    static final int RECHECK_NOTICE_DAYS = 30;

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    @Reference
    OrganisationDirectory orgs;

    public record Page(long total, List<Summary> items) {
    }

    public record Decision(String action, String level, String fileLevel, String note) {
    }

    public record Recheck(String level, String note) {
    }

    public record Leave(String reason, LocalDate date) {
    }

    @GET
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Page list(@QueryParam("status") String status, @QueryParam("level") String level, @QueryParam("q") String q,
            @QueryParam("due") boolean due, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Map<Long, String> names = Scope.orgNames(orgs, user);
        int pageSize = Paging.size(size);
        List<Object> params = new ArrayList<>();
        String where = where(user, status, level, q, due, params);
        return db.read(c -> {
            long total = Jdbc.count(c, "SELECT COUNT(*) FROM HA_HOUSEHOLD H WHERE " + where, params.toArray());
            List<Object> paged = new ArrayList<>(params);
            paged.add(Paging.offset(page, pageSize));
            paged.add(pageSize);
            List<Summary> items = Jdbc.list(c, "SELECT " + HouseholdStore.SUMMARY_COLUMNS + " FROM HA_HOUSEHOLD H WHERE " + where
                    + " ORDER BY H.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", HouseholdStore::summary, paged.toArray());
            return new Page(total, items.stream().map(s -> HouseholdStore.withOrgName(s, names.get(s.orgId()))).toList());
        });
    }

    private static String where(PortalUser user, String status, String level, String q, boolean due, List<Object> params) {
        StringBuilder w = new StringBuilder("H.ORG_PATH LIKE ?");
        params.add(user.subtreePattern());
        if (status != null && !status.isBlank()) {
            w.append(" AND H.STATUS = ?");
            params.add(status);
        }
        if (level != null && !level.isBlank()) {
            w.append(" AND H.LEVEL = ?");
            params.add(level);
        }
        if (q != null && !q.isBlank()) {
            w.append(" AND (H.HEAD_NAME LIKE ? OR H.CERTIFICATE_NO = ?)");
            params.add("%" + q.strip().replace("%", "").replace("_", "") + "%");
            params.add(q.strip());
        }
        if (due) {
            w.append(" AND H.STATUS = 'ON_FILE' AND H.NEXT_REVIEW_DATE <= ?");
            params.add(Scope.today().plusDays(RECHECK_NOTICE_DAYS));
        }
        return w.toString();
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response export(@QueryParam("format") String format, @QueryParam("status") String status, @QueryParam("level") String level,
            @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Map<Long, String> names = Scope.orgNames(orgs, user);
        List<Object> params = new ArrayList<>();
        String where = where(user, status, level, null, false, params);
        List<List<Object>> rows = db.read(c -> Jdbc.list(c, "SELECT " + HouseholdStore.SUMMARY_COLUMNS + " FROM HA_HOUSEHOLD H WHERE "
                + where + " ORDER BY H.ID", rs -> {
                    Summary s = HouseholdStore.summary(rs);
                    List<Object> row = new ArrayList<>();
                    row.add(s.id());
                    row.add(names.getOrDefault(s.orgId(), ""));
                    row.add(s.headName());
                    row.add(s.headIdNumber());
                    row.add(s.level() == null ? "" : Level.valueOf(s.level()).zh());
                    row.add(s.fileLevel() == null ? "" : ("CITY".equals(s.fileLevel()) ? "市级" : "区级"));
                    row.add(statusZh(s.status()));
                    row.add(s.certificateNo() == null ? "" : s.certificateNo());
                    row.add(s.memberCount());
                    row.add(s.onFileFrom());
                    row.add(s.nextReviewDate());
                    row.add(s.leftOn());
                    return row;
                }, params.toArray()));
        return Scope.file(format, "hardship-households", List.of("编号", "工会", "户主", "身份证号", "困难等级", "建档层级", "状态",
                "优惠证号", "家庭人口", "建档日期", "下次复核", "出档日期"), rows);
    }

    static String statusZh(String status) {
        return switch (status) {
            case Codes.APPLIED -> "待审核";
            case Codes.RETURNED -> "已退回";
            case Codes.ON_FILE -> "在档";
            case Codes.REJECTED -> "不予建档";
            case Codes.LEFT -> "已出档";
            default -> status;
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response file(HouseholdForm form, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        FormCheck.check(form, Scope.today());
        OrganisationInfo org = organisation(form.orgId(), user);
        long id = db.inTransaction(c -> {
            refuseOpenDuplicate(c, form, 0);
            long newId = HouseholdStore.insert(c, form, org, user.username());
            HouseholdStore.history(c, newId, user.username(), "FILE", "提交建档申请（申请等级：" + Level.valueOf(form.requestedLevel()).zh()
                    + "）");
            return newId;
        });
        return Response.status(201).entity(detail(id, user)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public HouseholdStore.Detail get(@PathParam("id") long id, @Context SecurityContext context) {
        return detail(id, Scope.user(context));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public HouseholdStore.Detail update(@PathParam("id") long id, HouseholdForm form, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        FormCheck.check(form, Scope.today());
        OrganisationInfo org = organisation(form.orgId(), user);
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = existing(c, id, user);
            boolean open = Codes.APPLIED.equals(s.status()) || Codes.RETURNED.equals(s.status());
            boolean staffOnFile = Codes.ON_FILE.equals(s.status()) && Scope.fullAccess(user);
            if (!open && !staffOnFile) {
                throw ProblemException.conflict("户 " + id + " 当前状态为“" + statusZh(s.status()) + "”，不能修改"
                        + (Codes.ON_FILE.equals(s.status()) ? "（在档家庭由区级或市级工会修改）" : "") + ".");
            }
            refuseOpenDuplicate(c, form, id);
            HouseholdStore.update(c, id, form, org);
            if (Codes.RETURNED.equals(s.status())) {
                Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = 'APPLIED' WHERE ID = ?", id);
                HouseholdStore.history(c, id, user.username(), "UPDATE", "修改后重新提交");
            } else {
                HouseholdStore.history(c, id, user.username(), "UPDATE", "修改了家庭资料（" + form.members().size() + " 位成员）");
            }
            return null;
        });
        return detail(id, user);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public HouseholdStore.Detail decide(@PathParam("id") long id, Decision d, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Validation v = new Validation();
        String action = d == null ? null : d.action();
        v.require(action != null && List.of("APPROVE", "RETURN", "REJECT").contains(action), "action",
                "action 应为 APPROVE（批准建档）、RETURN（退回补正）或 REJECT（不予建档）");
        if ("APPROVE".equals(action)) {
            v.require(FormCheck.parse(Level.class, d.level()) != null, "level", "请选择困难等级：HARDSHIP（困难）或 SPECIAL（特困）");
            v.require("DISTRICT".equals(d.fileLevel()) || "CITY".equals(d.fileLevel()), "fileLevel",
                    "请选择建档层级：DISTRICT（区级）或 CITY（市级）");
        } else if (action != null) {
            v.require(d.note() != null && !d.note().isBlank() && d.note().length() <= 400, "note",
                    "退回或不予建档须写明理由（400 字以内），经办人据此补正 (a reason is needed)");
        }
        v.throwIfInvalid();
        if ("CITY".equals(d.fileLevel()) && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("市级建档由市总工会审批 (only the city federation files at city level).");
        }
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = existing(c, id, user);
            if (!Codes.APPLIED.equals(s.status())) {
                throw ProblemException.conflict("户 " + id + " 当前状态为“" + statusZh(s.status()) + "”，只有待审核的申请可以审批.");
            }
            switch (action) {
                case "APPROVE" -> approve(c, id, d, user);
                case "RETURN" -> {
                    Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = 'RETURNED' WHERE ID = ?", id);
                    HouseholdStore.history(c, id, user.username(), "RETURN", d.note().strip());
                }
                default -> {
                    Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = 'REJECTED' WHERE ID = ?", id);
                    HouseholdStore.history(c, id, user.username(), "REJECT", d.note().strip());
                }
            }
            return null;
        });
        return detail(id, user);
    }

    private static void approve(Connection c, long id, Decision d, PortalUser user) throws SQLException {
        LocalDate today = Scope.today();
        Level level = Level.valueOf(d.level());
        if (level == Level.SPECIAL) {
            String card = Jdbc.one(c, "SELECT LOVE_CARD_NO FROM HA_HOUSEHOLD WHERE ID = ?", rs -> rs.getString(1), id).orElse(null);
            if (card == null) {
                throw ProblemException.invalid(List.of(new ProblemException.FieldError("level",
                        "特困家庭的临时价格补贴发到爱心卡：请先补填爱心卡号 (special hardship needs a love card number first)")));
            }
        }
        String certificate = level == Level.SPECIAL ? HouseholdStore.nextCertificateNo(c, today.getYear()) : null;
        Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = 'ON_FILE', LEVEL = ?, FILE_LEVEL = ?, CERTIFICATE_NO = ?, ON_FILE_FROM = ?, "
                + "NEXT_REVIEW_DATE = ? WHERE ID = ?", level.name(), d.fileLevel(), certificate, today, today.plusYears(1), id);
        HouseholdStore.history(c, id, user.username(), "APPROVE", "批准建档：" + level.zh() + "，" + ("CITY".equals(d.fileLevel()) ? "市级" : "区级")
                + (certificate == null ? "" : "，优惠证号 " + certificate) + (d.note() == null || d.note().isBlank() ? "" : "。" + d.note().strip()));
    }

    @POST
    @Path("/{id}/recheck")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public HouseholdStore.Detail recheck(@PathParam("id") long id, Recheck r, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Level level = r == null ? null : FormCheck.parse(Level.class, r.level());
        new Validation().require(level != null, "level", "复核后的困难等级：HARDSHIP（困难）或 SPECIAL（特困）")
                .require(r == null || r.note() == null || r.note().length() <= 400, "note", "最多 400 字").throwIfInvalid();
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = existing(c, id, user);
            if (!Codes.ON_FILE.equals(s.status())) {
                throw ProblemException.conflict("只有在档家庭需要年度复核（户 " + id + " 为“" + statusZh(s.status()) + "”）.");
            }
            LocalDate today = Scope.today();
            String certificate = s.certificateNo();
            String change = "等级不变（" + level.zh() + "）";
            if (!level.name().equals(s.level())) {
                change = "等级由" + Level.valueOf(s.level()).zh() + "调整为" + level.zh();
                if (level == Level.SPECIAL && certificate == null) {
                    certificate = HouseholdStore.nextCertificateNo(c, today.getYear());
                    change += "，发优惠证 " + certificate;
                } else if (level == Level.HARDSHIP && certificate != null) {
                    change += "，收回优惠证 " + certificate;
                    certificate = null;
                }
            }
            Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET LEVEL = ?, CERTIFICATE_NO = ?, NEXT_REVIEW_DATE = ? WHERE ID = ?", level.name(),
                    certificate, today.plusYears(1), id);
            HouseholdStore.history(c, id, user.username(), "RECHECK", "年度复核：" + change + "，下次复核 " + today.plusYears(1)
                    + (r.note() == null || r.note().isBlank() ? "" : "。" + r.note().strip()));
            return null;
        });
        return detail(id, user);
    }

    @POST
    @Path("/{id}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public HouseholdStore.Detail leave(@PathParam("id") long id, Leave l, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        LocalDate today = Scope.today();
        new Validation()
                .require(l != null && l.reason() != null && !l.reason().isBlank() && l.reason().length() <= 400, "reason",
                        "请写明出档原因（如：家庭收入已超过困难标准、已脱困、迁出本市），400 字以内")
                .require(l != null && l.date() != null && !l.date().isAfter(today.plusYears(1)), "date",
                        "请填写出档日期（最迟一年以后）")
                .throwIfInvalid();
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = existing(c, id, user);
            if (!Codes.ON_FILE.equals(s.status())) {
                throw ProblemException.conflict("只有在档家庭可以出档（户 " + id + " 为“" + statusZh(s.status()) + "”）.");
            }
            if (l.date().isBefore(s.onFileFrom())) {
                throw ProblemException.invalid(List.of(new ProblemException.FieldError("date",
                        "出档日期不能早于建档日期 " + s.onFileFrom())));
            }
            Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = 'LEFT', LEFT_ON = ?, LEFT_REASON = ? WHERE ID = ?", l.date(),
                    l.reason().strip(), id);
            HouseholdStore.history(c, id, user.username(), "LEAVE", "出档（" + l.date() + "）：" + l.reason().strip());
            return null;
        });
        return detail(id, user);
    }

    @POST
    @Path("/{id}/documents")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/jpeg", "image/png"})
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response upload(@PathParam("id") long id, @QueryParam("fileName") String fileName, java.io.InputStream body,
            @Context SecurityContext context) throws java.io.IOException {
        PortalUser user = Scope.user(context);
        byte[] content = body.readNBytes(UploadedFiles.MAX_BYTES + 1);
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("The document is empty: send the file itself as the request body.");
        }
        if (content.length > UploadedFiles.MAX_BYTES) {
            throw new ProblemException(413, "Document too large", "材料不能超过 10 MB (at most 10 MiB).");
        }
        String type = UploadedFiles.documentType(content).orElseThrow(() -> new ProblemException(415, "Unsupported document",
                "只接受 PDF、JPEG 或 PNG 文件（按文件内容判断）(only PDF, JPEG or PNG, judged by the content)."));
        String name = UploadedFiles.safeName(fileName, type);
        Map<String, Object> doc = db.inTransaction(c -> {
            existing(c, id, user);
            long docId = Jdbc.insert(c, "INSERT INTO HA_DOCUMENT (HOUSEHOLD_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, CONTENT, "
                    + "UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, name, type, (long) content.length,
                    UploadedFiles.sha256(content), content, user.username(), Instant.now());
            HouseholdStore.history(c, id, user.username(), "DOCUMENT", "上传材料：" + name);
            return Jdbc.one(c, "SELECT ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, UPLOADED_BY, UPLOADED_AT FROM HA_DOCUMENT WHERE ID = ?",
                    HouseholdStore::document, docId).orElseThrow();
        });
        return Response.status(201).entity(doc).build();
    }

    @GET
    @Path("/{id}/documents/{docId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response document(@PathParam("id") long id, @PathParam("docId") long docId, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Object[] doc = db.read(c -> {
            existing(c, id, user);
            return Jdbc.one(c, "SELECT FILE_NAME, CONTENT_TYPE, CONTENT FROM HA_DOCUMENT WHERE ID = ? AND HOUSEHOLD_ID = ?",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)}, docId, id)
                    .orElseThrow(() -> ProblemException.notFound("户 " + id + " 没有材料 " + docId + "."));
        });
        return Response.ok(doc[2], (String) doc[1]).header("Content-Disposition", "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode((String) doc[0], java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private HouseholdStore.Detail detail(long id, PortalUser user) {
        Map<Long, String> names = Scope.orgNames(orgs, user);
        return db.read(c -> {
            Summary s = existing(c, id, user);
            // The operator who files an application corrects it while it is open, so sees what was typed;
            // once decided, only district and city staff see ID numbers, incomes and illnesses in full.
            boolean open = Codes.APPLIED.equals(s.status()) || Codes.RETURNED.equals(s.status());
            return HouseholdStore.detail(c, HouseholdStore.withOrgName(s, names.get(s.orgId())), Scope.fullAccess(user) || open);
        });
    }

    static Summary existing(Connection c, long id, PortalUser user) throws SQLException {
        return HouseholdStore.find(c, id, user.subtreePattern())
                .orElseThrow(() -> ProblemException.notFound("在您所在的工会范围内没有编号为 " + id + " 的困难家庭 (no such household in your part of the union tree)."));
    }

    /** The organisation the household belongs to: the given one (in the user's subtree) or the user's own. */
    private OrganisationInfo organisation(Long orgId, PortalUser user) {
        long id = orgId == null ? user.orgId() : orgId;
        return orgs.byId(id).filter(o -> user.covers(o.path())).orElseThrow(() -> ProblemException.invalid(List.of(
                new ProblemException.FieldError("orgId", "所选工会不在您的管理范围内 (the organisation is outside your part of the union tree)"))));
    }

    /** A worker has one open application or file at a time, anywhere in the city (named without revealing where). */
    private static void refuseOpenDuplicate(Connection c, HouseholdForm form, long exceptId) throws SQLException {
        String headId = form.members().stream().filter(m -> "SELF".equals(m.relation())).findFirst()
                .map(m -> IdNumbers.normalize(m.idNumber())).orElseThrow();
        if (Jdbc.count(c, "SELECT COUNT(*) FROM HA_HOUSEHOLD WHERE HEAD_ID_NUMBER = ? AND ID <> ? AND STATUS IN ('APPLIED', "
                + "'RETURNED', 'ON_FILE')", headId, exceptId) > 0) {
            int self = 0;
            for (int i = 0; i < form.members().size(); i++) {
                if ("SELF".equals(form.members().get(i).relation())) {
                    self = i;
                }
            }
            throw new ProblemException(409, "Already on file", "该职工已有在办的建档申请或已在档，不能重复建档 (this worker already has an "
                    + "open application or is on file).", List.of(new ProblemException.FieldError("members[" + self + "].idNumber",
                    "该职工已有在办的建档申请或已在档")));
        }
    }
}
