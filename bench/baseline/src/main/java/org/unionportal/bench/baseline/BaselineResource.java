package org.unionportal.bench.baseline;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;

/**
 * The bare JAX-RS baseline: a whiteboard resource on the DEFAULT application (no application select,
 * no extension select, so no portal authentication, JSON provider or problem mapper), answering GET
 * with a fixed small JSON string. The default application's base is moved to /api/unscoped by the
 * distribution (org.apache.aries.jax.rs.whiteboard.default: default.application.base), so the URL is
 * /api/unscoped/bench-baseline. The String is written by CXF's own String writer: no JSON provider.
 */
@Component(service = BaselineResource.class, property = "osgi.jaxrs.resource=true")
@Path("/bench-baseline")
public class BaselineResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return Baseline.JSON;
    }
}
