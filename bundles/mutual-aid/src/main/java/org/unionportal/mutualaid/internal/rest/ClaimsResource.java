package org.unionportal.mutualaid.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.PUT;
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
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.attachment.AttachmentContent;
import org.unionportal.api.web.UploadedFiles;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.ClaimForm;
import org.unionportal.mutualaid.internal.rules.Payee;
import org.unionportal.mutualaid.internal.service.ClaimDocuments;
import org.unionportal.mutualaid.internal.service.ClaimService;

/** Claims online (线上理赔): the HTTP side of {@link ClaimService}, plus the claims' supporting documents. */
@Component(service = ClaimsResource.class)
@PortalResource
@Path("/mutual-aid/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {
    @Reference
    ClaimService claims;
    @Reference
    ClaimDocuments documents;
    /** Only once the documents the module kept itself are with the portal's attachments. */
    @Reference
    DocumentHandover documentHandover;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
    public Response file(ClaimForm form, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        return Response.status(201).entity(claims.fileAndShow(form, user)).build();
    }

    /** 试算: what the rules would compute for this claim now; nothing is stored (the same 4xx answers as filing). */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
    public Assessment preview(ClaimForm form, @Context SecurityContext context) {
        return claims.preview(form, CurrentUser.of(context.getUserPrincipal()));
    }

    /** Where the benefit goes (收款账户): {@code {"bankName", "bankAccount"}}, until the claim is in a payout batch. */
    @PUT
    @Path("/{id}/payee")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> payee(@PathParam("id") long id, PayeeForm form, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        claims.setPayee(id, form == null ? Payee.of(null, null) : Payee.of(form.bankName(), form.bankAccount()), user);
        return claims.get(id, user);
    }

    /** The body of {@link #payee}. */
    public record PayeeForm(String bankName, String bankAccount) {
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
        // written in one piece: CXF sends a byte[] through a stream copy, 4 KiB at a time
        StreamingOutput body = out -> out.write(json);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_LENGTH, json.length).build();
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

    // --- supporting documents (kept by the portal's attachment service) -----------------------------

    /**
     * A supporting document (invoice, discharge summary, diagnosis): PDF, JPEG or PNG by its bytes, at most 10 MiB.
     * Whether the claim may be seen is checked first: another union's claim is not found, whatever was sent.
     */
    @POST
    @Path("/{id}/documents")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/jpeg", "image/png"})
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
    public Response upload(@PathParam("id") long id, @QueryParam("fileName") String fileName, InputStream body,
                           @Context SecurityContext context) throws IOException {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        documents.requireVisible(id, user);
        byte[] content = body.readNBytes(UploadedFiles.MAX_BYTES + 1);
        return Response.status(201).entity(documents.add(id, fileName, content, user)).build();
    }

    @GET
    @Path("/{id}/documents")
    public List<Map<String, Object>> documents(@PathParam("id") long id, @Context SecurityContext context) {
        return documents.list(id, CurrentUser.of(context.getUserPrincipal()));
    }

    /** Removes a wrongly uploaded document while the claim is a draft or returned. */
    @DELETE
    @Path("/{id}/documents/{docId}")
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
    public Response removeDocument(@PathParam("id") long id, @PathParam("docId") long docId, @Context SecurityContext context) {
        documents.remove(id, docId, CurrentUser.of(context.getUserPrincipal()));
        return Response.noContent().build();
    }

    /** The document itself, only to those who may see the claim; always as a download, never rendered inline. */
    @GET
    @Path("/{id}/documents/{docId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    public Response document(@PathParam("id") long id, @PathParam("docId") long docId, @Context SecurityContext context) {
        AttachmentContent doc = documents.read(id, docId, CurrentUser.of(context.getUserPrincipal()));
        return Response.ok(doc.content(), doc.attachment().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(doc.attachment().fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
