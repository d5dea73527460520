package org.unionportal.core.internal.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionportal.api.export.Download;
import org.unionportal.api.rest.PortalRest;

/**
 * Writes every {@link Download} a resource returns: the one place that sets a file answer's
 * headers. The response filter puts the headers (and the download's own media type, which then
 * selects this writer) before any writer is chosen; the writer sends the bytes.
 */
@Component(service = {MessageBodyWriter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsApplicationSelect(PortalRest.APPLICATION_SELECT)
@JaxrsName(PortalRest.DOWNLOADS_EXTENSION)
public class DownloadWriter implements MessageBodyWriter<Download>, ContainerResponseFilter {

    /** The headers of a download's answer, in order. */
    static Map<String, String> headers(Download d) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(HttpHeaders.CONTENT_TYPE, d.mediaType());
        h.put("Content-Disposition", d.contentDisposition());
        h.put("X-Content-Type-Options", "nosniff");
        h.put(HttpHeaders.CACHE_CONTROL, d.cacheControl());
        if (d.personal()) {
            h.put("Pragma", "no-cache");
        }
        if (d.length() >= 0) {
            h.put(HttpHeaders.CONTENT_LENGTH, Long.toString(d.length()));
        }
        return h;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Download d) {
            MultivaluedMap<String, Object> out = response.getHeaders();
            headers(d).forEach(out::putSingle);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Download.class.isAssignableFrom(type);
    }

    @Override
    public long getSize(Download d, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return -1;
    }

    @Override
    public void writeTo(Download d, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entity) throws IOException {
        // The filter has set them already; set again for a response that bypassed filters (e.g. an exception mapper's).
        headers(d).forEach(httpHeaders::putSingle);
        d.writeTo(entity);
    }
}
