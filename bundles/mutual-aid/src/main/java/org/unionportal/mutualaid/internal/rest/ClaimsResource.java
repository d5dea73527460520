package org.unionportal.mutualaid.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
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
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.rules.ClaimForm;
import org.unionportal.mutualaid.internal.service.ClaimService;
import org.unionportal.mutualaid.internal.store.Claim;
import org.unionportal.mutualaid.internal.store.ClaimStore;

/** Claims online (线上理赔): the HTTP side of {@link ClaimService}, plus the claims' supporting documents. */
@Component(service = ClaimsResource.class)
@PortalResource
@Path("/mutual-aid/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {
    @Reference
    ClaimService claims;
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
    public Response file(ClaimForm form, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        long id = claims.file(form, user);
        return Response.status(201).entity(claims.get(id, user)).build();
    }

    /**
     * A page of the claims the user may see, newest first, with the total. The same page is answered from
     * memory until the next write to the database; {@code Cache-Control: no-cache} reads it afresh.
     */
    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("page") Integer page,
                         @QueryParam("size") Integer size, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
                         @Context SecurityContext context) {
        boolean fresh = cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
        byte[] json = claims.page(CurrentUser.of(context.getUserPrincipal()), status, page, size, fresh);
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The claims the user may see, as CSV or XLSX; ID numbers masked, no diagnoses. */
    @GET
    @Path("/export")
    @Produces({"text/csv", TableExport.XLSX_CONTENT_TYPE, MediaType.APPLICATION_JSON})
    public Download export(@QueryParam("format") String format, @QueryParam("status") String status,
                           @Context SecurityContext context) {
        TableFormat tableFormat = TableFormat.parse(format);
        return Download.table(tableFormat, "mutual-aid-claims", ClaimService.EXPORT_HEADERS,
                claims.exportRows(CurrentUser.of(context.getUserPrincipal()), status), true);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") long id, @Context SecurityContext context) {
        return claims.get(id, CurrentUser.of(context.getUserPrincipal()));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> decide(@PathParam("id") long id, ClaimService.Decision d, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        claims.decide(id, d == null ? new ClaimService.Decision(null, null, null) : d, user);
        return claims.get(id, user);
    }

    // --- supporting documents -------------------------------------------------------------------

    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    /** A supporting document (invoice, discharge summary, diagnosis): PDF, JPEG or PNG, at most 10 MiB. */
    @POST
    @Path("/{id}/documents")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/jpeg", "image/png"})
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
    public Response upload(@PathParam("id") long id, @QueryParam("fileName") String fileName, InputStream body,
                           @Context SecurityContext context) throws IOException {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        byte[] content = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
        // Whether the claim may be seen comes first: another union's claim is not found, whatever was sent.
        db.read(c -> ClaimService.visible(c, id, user));
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new ProblemException(413, "document_too_large", Text.of("材料文件最大 10 MiB，请降低扫描分辨率后再上传。",
                    "A document may have at most 10 MiB; scan it at a lower resolution."));
        }
        if (content.length == 0) {
            throw ProblemException.badRequest("document_empty", Text.of("材料文件是空的。", "The document is empty."));
        }
        String type = Documents.contentType(content).orElseThrow(() -> new ProblemException(415, "document_type_unsupported",
                Text.of("请上传 PDF、JPEG 或 PNG 文件；此文件不属于其中任何一种。", "Send a PDF, JPEG or PNG file; this file is none of them.")));
        String name = Documents.safeName(fileName, type);
        Map<String, Object> doc = db.inTransaction(c -> {
            Claim claim = ClaimService.visible(c, id, user);
            if (!claim.status().open()) {
                throw ProblemException.conflict("claim_closed", Text.of(
                        "理赔 " + id + " 已" + claim.status().label().zh() + "，不能再添加材料。",
                        "Claim " + id + " is " + claim.status().label().en().toLowerCase(Locale.ROOT)
                                + "; documents can no longer be added."));
            }
            long docId = Documents.insert(c, id, name, type, content, user.username());
            ClaimStore.event(c, id, user.username(), "DOCUMENT", claim.status(), claim.status(), name);
            return Documents.list(c, id).stream().filter(d -> d.get("id").equals(docId)).findFirst().orElseThrow();
        });
        return Response.status(201).entity(doc).build();
    }

    @GET
    @Path("/{id}/documents")
    public List<Map<String, Object>> documents(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        return db.read(c -> {
            ClaimService.visible(c, id, user);
            return Documents.list(c, id);
        });
    }

    /** The document itself, only to those who may see the claim; always as a download, never rendered inline. */
    @GET
    @Path("/{id}/documents/{docId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    public Response document(@PathParam("id") long id, @PathParam("docId") long docId, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Documents.Content doc = db.read(c -> {
            ClaimService.visible(c, id, user);
            return Documents.content(c, id, docId);
        }).orElseThrow(() -> ProblemException.notFound("document_not_found", Text.of(
                "理赔 " + id + " 没有编号为 " + docId + " 的材料。", "No document " + docId + " on claim " + id + ".")));
        return Response.ok(doc.bytes(), doc.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(doc.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
