package org.unionportal.core.internal.routes;

import java.util.List;
import org.unionportal.api.security.Role;

/**
 * One live route of the portal's REST application.
 *
 * @param method     HTTP method
 * @param path       full template, e.g. {@code /api/mutual-aid/claims/{id}}
 * @param parameters the template's path parameters, in order
 * @param module     the module id of the bundle that registered the resource ({@code Union-Module}), {@code core} for the core
 * @param access     {@code PUBLIC}, {@code SIGNED_IN} or {@code ROLES}
 * @param roles      the roles allowed when {@code access} is {@code ROLES}
 * @param consumes   media types of the request body the route accepts (empty: any)
 * @param produces   media types it answers with (empty: any)
 */
public record RestRoute(String method, String path, List<String> parameters, String module, RouteAccess.Kind access,
                        List<Role> roles, List<String> consumes, List<String> produces) {
    public RestRoute {
        parameters = List.copyOf(parameters);
        roles = List.copyOf(roles);
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
    }
}
