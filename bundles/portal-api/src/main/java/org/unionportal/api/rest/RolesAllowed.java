package org.unionportal.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.unionportal.api.security.Role;

/**
 * The signed-in user needs at least one of these roles, or the request gets 403.
 * A method's annotation replaces its class's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RolesAllowed {
    Role[] value();
}
