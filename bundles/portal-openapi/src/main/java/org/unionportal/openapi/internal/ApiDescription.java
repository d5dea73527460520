package org.unionportal.openapi.internal;

import java.nio.charset.StandardCharsets;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.rest.PortalResources;

/** The OpenAPI JSON of the portal's resources (as the core tracks them), rebuilt only after a resource came or went. */
@Component(service = ApiDescription.class)
public class ApiDescription {
    private final PortalResources resources;
    private final String version;
    private long builtAt = -1;
    private byte[] json;

    @Activate
    public ApiDescription(@Reference PortalResources resources, BundleContext context) {
        this.resources = resources;
        this.version = context.getBundle().getVersion().toString();
    }

    public synchronized byte[] json() {
        long changes = resources.changes();
        if (json == null || changes != builtAt) {
            // swagger's reader is not thread-safe, and one build serves every caller until the next change
            json = OpenApiDocument.json(OpenApiDocument.build(resources.current(), version)).getBytes(StandardCharsets.UTF_8);
            builtAt = changes;
        }
        return json;
    }
}
