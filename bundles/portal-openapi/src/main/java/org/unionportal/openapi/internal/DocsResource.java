package org.unionportal.openapi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Public;

/**
 * {@code GET /api/docs}: swagger-ui on {@code /api/openapi.json}, its files served from this bundle (the
 * {@code org.webjars:swagger-ui} files copied in at build time), so the page works without the internet.
 * Fixed paths, no file parameter: nothing but these files can be asked for.
 */
@Component(service = DocsResource.class)
@PortalResource
@Path("/docs")
public class DocsResource {
    private static final String HTML = "text/html;charset=UTF-8";
    private static final String ASSET_CACHE = "public, max-age=3600";

    @GET
    @Public
    @Produces(HTML)
    public Response page() {
        return file("docs/index.html", HTML, "no-cache");
    }

    @GET
    @Path("/init.js")
    @Public
    @Produces("text/javascript")
    public Response init() {
        return file("docs/init.js", "text/javascript;charset=UTF-8", ASSET_CACHE);
    }

    @GET
    @Path("/swagger-ui.css")
    @Public
    @Produces("text/css")
    public Response css() {
        return file("swagger-ui/swagger-ui.css", "text/css;charset=UTF-8", ASSET_CACHE);
    }

    @GET
    @Path("/swagger-ui-bundle.js")
    @Public
    @Produces("text/javascript")
    public Response bundle() {
        return file("swagger-ui/swagger-ui-bundle.js", "text/javascript;charset=UTF-8", ASSET_CACHE);
    }

    private Response file(String name, String type, String cache) {
        URL url = DocsResource.class.getClassLoader().getResource(name);
        if (url == null) {
            throw ProblemException.notFound("api_docs_missing", Text.of("API 文档页面文件缺失。", "The API docs page is missing a file."));
        }
        try (InputStream in = url.openStream()) {
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", cache)
                    .header("X-Content-Type-Options", "nosniff").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
