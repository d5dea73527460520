package org.unionportal.api.rest;

/**
 * Names a module needs to put its JAX-RS resources into the one portal application under
 * {@code /api}. A resource component carries:
 * <pre>
 * &#64;JaxrsResource
 * &#64;JaxrsApplicationSelect(PortalRest.APPLICATION_SELECT)
 * &#64;JaxrsExtensionSelect({PortalRest.REQUIRE_JSON, PortalRest.REQUIRE_SECURITY, PortalRest.REQUIRE_PROBLEMS})
 * &#64;Path("/my-module")
 * </pre>
 * so that it is never served before JSON, authentication and error mapping are in place.
 */
public final class PortalRest {
    /** {@code osgi.jaxrs.name} of the portal application. */
    public static final String APPLICATION_NAME = "union.portal";
    /** Where the portal application is served. */
    public static final String APPLICATION_BASE = "/api";
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    public static final String JSON_EXTENSION = "union.json";
    public static final String SECURITY_EXTENSION = "union.security";
    public static final String PROBLEMS_EXTENSION = "union.problems";
    /** Writes {@code org.unionportal.api.export.Download} answers. @since 1.3 */
    public static final String DOWNLOADS_EXTENSION = "union.downloads";

    public static final String REQUIRE_JSON = "(osgi.jaxrs.name=" + JSON_EXTENSION + ")";
    public static final String REQUIRE_SECURITY = "(osgi.jaxrs.name=" + SECURITY_EXTENSION + ")";
    public static final String REQUIRE_PROBLEMS = "(osgi.jaxrs.name=" + PROBLEMS_EXTENSION + ")";
    /** @since 1.3 */
    public static final String REQUIRE_DOWNLOADS = "(osgi.jaxrs.name=" + DOWNLOADS_EXTENSION + ")";

    /** Media type of every error answer (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Largest request body accepted, in bytes; larger ones get 413. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private PortalRest() {
    }
}
