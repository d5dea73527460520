package org.unionportal.mutualaid.internal.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import javax.ws.rs.core.SecurityContext;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.security.PortalUser;

/** Who is asking and what day it is in Shanghai. */
final class Scope {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Scope() {
    }

    static PortalUser user(SecurityContext context) {
        return CurrentUser.of(context.getUserPrincipal());
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }
}
