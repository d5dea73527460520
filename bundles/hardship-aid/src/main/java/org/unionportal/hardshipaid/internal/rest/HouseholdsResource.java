package org.unionportal.hardshipaid.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.unionportal.api.export.Download;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;
import org.unionportal.api.web.UploadedFiles;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.service.HouseholdService;
import org.unionportal.hardshipaid.internal.service.HouseholdService.Decision;
import org.unionportal.hardshipaid.internal.service.HouseholdService.Filter;
import org.unionportal.hardshipaid.internal.service.HouseholdService.Leave;
import org.unionportal.hardshipaid.internal.service.HouseholdService.Page;
import org.unionportal.hardshipaid.internal.service.HouseholdService.Recheck;
import org.unionportal.hardshipaid.internal.store.HouseholdStore.Detail;

/** HTTP of the household registry (建档); the work is {@link HouseholdService}'s. */
@Component(service = HouseholdsResource.class)
@PortalResource
@Path("/hardship-aid/households")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdsResource {
    @Reference
    HouseholdService households;

    @GET
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Page list(@QueryParam("status") String status, @QueryParam("level") String level, @QueryParam("q") String q,
            @QueryParam("due") boolean due, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Context SecurityContext context) {
        return households.list(CurrentUser.of(context.getUserPrincipal()), new Filter(status, level, q, due), page, size);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Download export(@QueryParam("format") String format, @QueryParam("status") String status, @QueryParam("level") String level,
            @Context SecurityContext context) {
        return households.export(CurrentUser.of(context.getUserPrincipal()), format, status, level);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response file(HouseholdForm form, @Context SecurityContext context) {
        return Response.status(201).entity(households.file(CurrentUser.of(context.getUserPrincipal()), form)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Detail get(@PathParam("id") long id, @Context SecurityContext context) {
        return households.get(CurrentUser.of(context.getUserPrincipal()), id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Detail update(@PathParam("id") long id, HouseholdForm form, @Context SecurityContext context) {
        return households.update(CurrentUser.of(context.getUserPrincipal()), id, form);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Detail decide(@PathParam("id") long id, Decision d, @Context SecurityContext context) {
        return households.decide(CurrentUser.of(context.getUserPrincipal()), id, d);
    }

    @POST
    @Path("/{id}/recheck")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Detail recheck(@PathParam("id") long id, Recheck r, @Context SecurityContext context) {
        return households.recheck(CurrentUser.of(context.getUserPrincipal()), id, r);
    }

    @POST
    @Path("/{id}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Detail leave(@PathParam("id") long id, Leave l, @Context SecurityContext context) {
        return households.leave(CurrentUser.of(context.getUserPrincipal()), id, l);
    }

    // --- documents (kept by the portal's attachments; the household's scope is checked first) -----------

    /** The household's documents; a document of the old table not yet handed over has a negative id. */
    @GET
    @Path("/{id}/documents")
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response documents(@PathParam("id") long id, @Context SecurityContext context) {
        return noStore(Response.ok(households.documents(CurrentUser.of(context.getUserPrincipal()), id)));
    }

    @POST
    @Path("/{id}/documents")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/jpeg", "image/png"})
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response upload(@PathParam("id") long id, @QueryParam("fileName") String fileName, InputStream body,
            @Context SecurityContext context) throws IOException {
        // one byte more than allowed, so that a too large document is told apart from one just at the limit
        byte[] content = body.readNBytes(UploadedFiles.MAX_BYTES + 1);
        Map<String, Object> doc = households.upload(CurrentUser.of(context.getUserPrincipal()), id, fileName, content);
        return noStore(Response.status(201).entity(doc));
    }

    /** The file itself ({@code private, no-store}, never sniffed: the portal's download writer). */
    @GET
    @Path("/{id}/documents/{docId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Download document(@PathParam("id") long id, @PathParam("docId") long docId, @Context SecurityContext context) {
        return households.document(CurrentUser.of(context.getUserPrincipal()), id, docId);
    }

    @DELETE
    @Path("/{id}/documents/{docId}")
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response deleteDocument(@PathParam("id") long id, @PathParam("docId") long docId, @Context SecurityContext context) {
        households.deleteDocument(CurrentUser.of(context.getUserPrincipal()), id, docId);
        return noStore(Response.noContent());
    }

    private static Response noStore(Response.ResponseBuilder answer) {
        return answer.header("Cache-Control", "private, no-store").build();
    }
}
