package org.unionportal.mutualaid.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.roster.RosterTemplate;
import org.unionportal.mutualaid.internal.service.EnrolmentService;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;

/** Group enrolment (团体参保): the HTTP side of {@link EnrolmentService}. */
@Component(service = EnrolmentResource.class)
@PortalResource
@Path("/mutual-aid/enrolments")
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {
    /** Largest roster file accepted. A 100,000-row CSV is about 8 MiB. */
    static final int MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

    @Reference
    EnrolmentService enrolments;

    @POST
    @Path("/uploads")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed(Role.UNION_OPERATOR)
    public Response upload(@QueryParam("planId") Long planId, @QueryParam("fileName") String fileName, InputStream body,
                           @HeaderParam("Accept-Language") String acceptLanguage, @Context SecurityContext context) throws IOException {
        EnrolmentService.requireUploadParameters(planId, fileName);
        byte[] content = readLimited(body, Text.of("名单文件", "roster file"));
        Map<String, Object> preview = enrolments.upload(planId, fileName, content, CurrentUser.of(context.getUserPrincipal()),
                Language.fromAcceptLanguage(acceptLanguage));
        return Response.status(201).entity(preview).header("Cache-Control", "private, no-store").build();
    }

    /** Writes the previewed roster: checked again, so that nothing enrolled meanwhile is enrolled twice. */
    @POST
    @Path("/uploads/{id}/confirm")
    @RolesAllowed(Role.UNION_OPERATOR)
    public Response confirm(@PathParam("id") long uploadId, @Context SecurityContext context) {
        return Response.status(201).entity(enrolments.confirm(uploadId, CurrentUser.of(context.getUserPrincipal()))).build();
    }

    @GET
    public Response list(@QueryParam("batchId") Long batchId, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                         @Context SecurityContext context) {
        return Response.ok(enrolments.page(batchId, page, size, CurrentUser.of(context.getUserPrincipal())))
                .header("Cache-Control", "private, no-store").build();
    }

    /** The enrolments of the user's subtree (or of one batch) as CSV or XLSX; ID numbers and phones masked. */
    @GET
    @Path("/export")
    @Produces({"text/csv", TableExport.XLSX_CONTENT_TYPE, MediaType.APPLICATION_JSON})
    public Download export(@QueryParam("format") String format, @QueryParam("batchId") Long batchId,
                           @Context SecurityContext context) {
        return Download.table(format, "mutual-aid-enrolments", EnrolmentService.EXPORT_HEADERS,
                enrolments.exportRows(batchId, CurrentUser.of(context.getUserPrincipal())), true);
    }

    /**
     * The roster template: header, an example row, and in the XLSX drop-downs for 性别, 类别 and 是/否 and the ID
     * number column as text. Nothing personal in it.
     */
    @GET
    @Path("/template")
    @Produces({"text/csv", TableExport.XLSX_CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Download template(@QueryParam("format") String format) {
        TableFormat chosen = TableFormat.parse(format);
        return Download.of("互助保障参保名单模板." + chosen.extension(), chosen.mediaType(),
                chosen == TableFormat.XLSX ? RosterTemplate.xlsx() : RosterTemplate.csv(), false);
    }

    /** Last period's roster again, for the plan's current period: one step, checked like any roster. */
    @POST
    @Path("/batches/{id}/renew")
    @RolesAllowed(Role.UNION_OPERATOR)
    public Response renew(@PathParam("id") long id, @Context SecurityContext context) {
        return Response.status(201).entity(enrolments.renew(id, CurrentUser.of(context.getUserPrincipal()))).build();
    }

    @GET
    @Path("/batches")
    public List<EnrolmentStore.Batch> batches(@Context SecurityContext context) {
        return enrolments.batches(CurrentUser.of(context.getUserPrincipal()));
    }

    /** The fee of a group enrolment was received: its cover becomes active. */
    @POST
    @Path("/batches/{id}/payment")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public EnrolmentStore.Batch paid(@PathParam("id") long id, @Context SecurityContext context) {
        return enrolments.paid(id, CurrentUser.of(context.getUserPrincipal()));
    }

    @POST
    @Path("/batches/{id}/cancel")
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public EnrolmentStore.Batch cancel(@PathParam("id") long id, @Context SecurityContext context) {
        return enrolments.cancel(id, CurrentUser.of(context.getUserPrincipal()));
    }

    /** The uploaded file, at most {@value #MAX_UPLOAD_BYTES} bytes; {@code what} names it in the answers. */
    static byte[] readLimited(InputStream body, Text what) throws IOException {
        byte[] content = body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (content.length > MAX_UPLOAD_BYTES) {
            throw new ProblemException(413, "file_too_large", Text.of(what.zh() + "最大 " + (MAX_UPLOAD_BYTES / 1024 / 1024)
                    + " MiB，请分成几次上传。", "A " + what.en() + " may have at most " + (MAX_UPLOAD_BYTES / 1024 / 1024)
                    + " MiB; split it into several uploads."));
        }
        if (content.length == 0) {
            throw ProblemException.badRequest("file_empty", Text.of(what.zh() + "是空的。", "The " + what.en() + " is empty."));
        }
        return content;
    }
}
