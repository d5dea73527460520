package org.unionportal.mutualaid.internal.rest;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.service.PayoutService;
import org.unionportal.mutualaid.internal.store.PayoutStore.PayoutBatch;

/** Payouts: approved claims grouped into one bank-transfer batch, then marked paid. */
@Component(service = PayoutsResource.class)
@PortalResource
@Path("/mutual-aid/payouts")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutsResource {
    @Reference
    PayoutService payouts;

    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public List<PayoutBatch> list(@Context SecurityContext context) {
        return payouts.batches(CurrentUser.of(context.getUserPrincipal()));
    }

    /** Every approved claim of the user's subtree not yet paid goes into one new batch. */
    @POST
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response create(@Context SecurityContext context) {
        return Response.status(201).entity(payouts.create(CurrentUser.of(context.getUserPrincipal()))).build();
    }

    /** The bank-transfer file of a batch (CSV, UTF-8 with BOM). Full ID numbers: the bank needs them, nobody keeps a copy. */
    @GET
    @Path("/{id}/bank-file")
    @Produces("text/csv")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Download bankFile(@PathParam("id") long id, @Context SecurityContext context) {
        return Download.table(TableFormat.CSV, "mutual-aid-payout-" + id, PayoutService.BANK_FILE_HEADERS,
                payouts.bankFileRows(id, CurrentUser.of(context.getUserPrincipal())), true);
    }
}
