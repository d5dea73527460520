package org.unionportal.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Makes a DS component a JAX-RS resource of the portal application, served only once JSON,
 * security and error mapping are in place:
 * <pre>
 * &#64;Component(service = MyResource.class)
 * &#64;PortalResource
 * &#64;Path("/my-module")
 * public class MyResource { ... }
 * </pre>
 * It stands for {@code osgi.jaxrs.resource=true}, the portal application's select and the
 * extension selects (JSON, security, problems and, since 1.3, downloads; see {@link PortalRest}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PortalResource {
    boolean osgi_jaxrs_resource() default true;

    String osgi_jaxrs_application_select() default PortalRest.APPLICATION_SELECT;

    String[] osgi_jaxrs_extension_select() default {
        PortalRest.REQUIRE_JSON, PortalRest.REQUIRE_SECURITY, PortalRest.REQUIRE_PROBLEMS, PortalRest.REQUIRE_DOWNLOADS};
}
