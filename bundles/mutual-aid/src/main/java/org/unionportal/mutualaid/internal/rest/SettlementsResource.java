package org.unionportal.mutualaid.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.roster.SettlementReader;
import org.unionportal.mutualaid.internal.service.SettlementService;

/** Settlement data exchange (应赔尽赔): the upload of {@link SettlementService}. */
@Component(service = SettlementsResource.class)
@PortalResource
@Path("/mutual-aid/settlements")
@Produces(MediaType.APPLICATION_JSON)
public class SettlementsResource {
    @Reference
    SettlementService settlements;

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv"})
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    public Map<String, Object> importFile(InputStream body, @javax.ws.rs.HeaderParam("Accept-Language") String acceptLanguage,
                                          @Context SecurityContext context) throws IOException {
        org.unionportal.api.i18n.Language language = org.unionportal.api.i18n.Language.fromAcceptLanguage(acceptLanguage);
        SettlementService.Outcome outcome = settlements.importFile(read(body), CurrentUser.of(context.getUserPrincipal()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", outcome.rows());
        result.put("draftClaims", outcome.draftClaims());
        result.put("alreadyClaimed", outcome.alreadyClaimed());
        result.put("notCovered", outcome.notCovered());
        result.put("problems", outcome.problems().stream().map(p -> p.view(language, null)).toList());
        return result;
    }

    private static byte[] read(InputStream body) throws IOException {
        byte[] content = body.readNBytes(SettlementReader.MAX_BYTES + 1);
        if (content.length > SettlementReader.MAX_BYTES) {
            int mib = SettlementReader.MAX_BYTES >> 20;
            throw new ProblemException(413, "file_too_large", Text.of("结算文件最大 " + mib + " MiB，请分成几个文件上传。",
                    "A settlement file may have at most " + mib + " MiB; split it into several uploads."));
        }
        if (content.length == 0) {
            throw ProblemException.badRequest("file_empty", Text.of("结算文件是空的。", "The settlement file is empty."));
        }
        return content;
    }
}
