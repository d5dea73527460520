package org.unionportal.hardshipaid.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.unionportal.api.i18n.Language;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.Role;
import org.unionportal.hardshipaid.internal.rules.Channel;
import org.unionportal.hardshipaid.internal.service.BatchService;
import org.unionportal.hardshipaid.internal.service.BatchService.Generate;
import org.unionportal.hardshipaid.internal.service.BatchService.Result;
import org.unionportal.hardshipaid.internal.store.BatchStore.Batch;

/** HTTP of the payment batches (发放); the work is {@link BatchService}'s. */
@Component(service = BatchesResource.class)
@PortalResource
@Path("/hardship-aid/batches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
public class BatchesResource {
    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Reference
    BatchService batches;

    @GET
    public List<Batch> list(@Context SecurityContext context) {
        return batches.list(DataScope.of(CurrentUser.of(context.getUserPrincipal())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response generate(Generate g, @Context SecurityContext context) {
        return Response.status(201).entity(batches.generate(CurrentUser.of(context.getUserPrincipal()), g)).build();
    }

    /** Whether a batch's maker is refused as its approver now ({@code batches.secondPerson}): pages and tests read it. */
    @GET
    @Path("/rules")
    public Response rules() {
        return noStore(batches.rules());
    }

    @GET
    @Path("/{id}")
    public Batch get(@PathParam("id") long id, @Context SecurityContext context) {
        return batches.get(CurrentUser.of(context.getUserPrincipal()), id);
    }

    @DELETE
    @Path("/{id}")
    public Response discard(@PathParam("id") long id, @Context SecurityContext context) {
        batches.discard(CurrentUser.of(context.getUserPrincipal()), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/approve")
    public Batch approve(@PathParam("id") long id, @Context SecurityContext context) {
        return batches.approve(CurrentUser.of(context.getUserPrincipal()), id);
    }

    @GET
    @Path("/{id}/bank-file")
    @Produces({CSV, XLSX, MediaType.APPLICATION_JSON})
    public Download bankFile(@PathParam("id") long id, @QueryParam("format") String format, @Context SecurityContext context) {
        return batches.channelFile(CurrentUser.of(context.getUserPrincipal()), id, Channel.BANK, format);
    }

    @GET
    @Path("/{id}/love-card-file")
    @Produces({CSV, XLSX, MediaType.APPLICATION_JSON})
    public Download loveCardFile(@PathParam("id") long id, @QueryParam("format") String format, @Context SecurityContext context) {
        return batches.channelFile(CurrentUser.of(context.getUserPrincipal()), id, Channel.LOVE_CARD, format);
    }

    @GET
    @Path("/{id}/export")
    @Produces({CSV, XLSX, MediaType.APPLICATION_JSON})
    public Download export(@PathParam("id") long id, @QueryParam("format") String format, @Context SecurityContext context) {
        return batches.export(CurrentUser.of(context.getUserPrincipal()), id, format);
    }

    @POST
    @Path("/{id}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    public Batch result(@PathParam("id") long id, Result r, @Context SecurityContext context) {
        return batches.result(CurrentUser.of(context.getUserPrincipal()), id, r);
    }

    /**
     * The bank's return file (the bank file with 结果 and 失败原因 columns, CSV or XLSX): previewed, or recorded with
     * {@code confirm=true}. The batch's scope is checked before the body is read.
     */
    @POST
    @Path("/{id}/result-file")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, CSV, XLSX})
    public Response resultFile(@PathParam("id") long id, InputStream body, @QueryParam("fileName") String fileName,
                               @QueryParam("confirm") boolean confirm, @HeaderParam("Accept-Language") String acceptLanguage,
                               @Context SecurityContext context) throws IOException {
        return noStore(batches.resultFile(CurrentUser.of(context.getUserPrincipal()), id, body, fileName, confirm,
                Language.fromAcceptLanguage(acceptLanguage)));
    }

    @POST
    @Path("/{id}/reissue")
    public Response reissue(@PathParam("id") long id, @Context SecurityContext context) {
        return Response.status(201).entity(batches.reissue(CurrentUser.of(context.getUserPrincipal()), id)).build();
    }

    private static Response noStore(Map<String, Object> body) {
        return Response.ok(body).header("Cache-Control", "private, no-store").build();
    }
}
