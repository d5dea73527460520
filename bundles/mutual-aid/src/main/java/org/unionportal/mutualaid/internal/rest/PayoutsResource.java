package org.unionportal.mutualaid.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.GET;
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
import org.unionportal.api.i18n.Language;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.service.PayoutService;

/**
 * Payouts: the proposal (nothing changes), the batch made of it, its approval by a second person, the bank file and
 * the bank's result. The work is {@link PayoutService}'s; every answer is {@code no-store} (names, masked accounts).
 */
@Component(service = PayoutsResource.class)
@PortalResource
@Path("/mutual-aid/payouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
public class PayoutsResource {
    @Reference
    PayoutService payouts;

    @GET
    public Response list(@Context SecurityContext context) {
        return noStore(payouts.batches(CurrentUser.of(context.getUserPrincipal())));
    }

    /** What a new batch would take: approved claims with an account, their total, and those still without one. */
    @GET
    @Path("/proposal")
    public Response proposal(@Context SecurityContext context) {
        return noStore(payouts.proposal(CurrentUser.of(context.getUserPrincipal())));
    }

    /** Makes a batch of the claims of the proposal: {@code {"claimIds": [...]}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PayoutService.Create request, @Context SecurityContext context) {
        return Response.status(201).entity(payouts.create(CurrentUser.of(context.getUserPrincipal()), request))
                .header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id, @Context SecurityContext context) {
        return noStore(payouts.batch(id, CurrentUser.of(context.getUserPrincipal())));
    }

    @POST
    @Path("/{id}/approve")
    public Response approve(@PathParam("id") long id, @Context SecurityContext context) {
        return noStore(payouts.approve(id, CurrentUser.of(context.getUserPrincipal())));
    }

    @POST
    @Path("/{id}/discard")
    public Response discard(@PathParam("id") long id, @Context SecurityContext context) {
        return noStore(payouts.discard(id, CurrentUser.of(context.getUserPrincipal())));
    }

    /** The bank-transfer file (CSV or XLSX) with full ID numbers and accounts: the bank needs them; each download is audited. */
    @GET
    @Path("/{id}/bank-file")
    @Produces({"text/csv", TableExport.XLSX_CONTENT_TYPE, MediaType.APPLICATION_JSON})
    public Download bankFile(@PathParam("id") long id, @QueryParam("format") String format, @Context SecurityContext context) {
        return payouts.bankFile(id, format, CurrentUser.of(context.getUserPrincipal()));
    }

    /** The bank's result: {@code {"paidOn": "2026-12-02", "failed": [{"claimId", "reason"}]}}; the other claims were paid. */
    @POST
    @Path("/{id}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response result(@PathParam("id") long id, PayoutService.Result request, @Context SecurityContext context) {
        return noStore(payouts.result(id, request, CurrentUser.of(context.getUserPrincipal())));
    }

    /**
     * The bank's return file (the bank file with 结果 and 失败原因 columns, CSV or XLSX): previewed, or recorded with
     * {@code confirm=true} and the day the bank paid ({@code paidOn}). The batch's scope is checked before the body is read.
     */
    @POST
    @Path("/{id}/result-file")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", TableExport.XLSX_CONTENT_TYPE})
    public Response resultFile(@PathParam("id") long id, InputStream body, @QueryParam("fileName") String fileName,
                               @QueryParam("paidOn") String paidOn, @QueryParam("confirm") boolean confirm,
                               @HeaderParam("Accept-Language") String acceptLanguage, @Context SecurityContext context)
            throws IOException {
        return noStore(payouts.resultFile(id, body, fileName, paidOn(paidOn), confirm, CurrentUser.of(context.getUserPrincipal()),
                Language.fromAcceptLanguage(acceptLanguage)));
    }

    private static LocalDate paidOn(String text) {
        if (text == null || text.isBlank()) {
            return null;   // the result's check asks for it
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(ProblemException.FieldError.of("paidOn", "invalid_date",
                    "支付日期格式应为 2026-12-02", "must be a date such as 2026-12-02")));
        }
    }

    private static Response noStore(Object body) {
        return Response.ok(body).header("Cache-Control", "private, no-store").build();
    }

}
