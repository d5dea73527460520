package org.unionportal.bench.baseline;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * The bare servlet baseline: a plain servlet through the OSGi HTTP whiteboard (Pax Web 8 / Jetty) in the
 * default servlet context at /bench-baseline-servlet, answering GET with the same JSON as the JAX-RS one.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/bench-baseline-servlet",
        "osgi.http.whiteboard.servlet.name=union-portal-bench-baseline"})
public class BaselineServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(Baseline.BYTES.length);
        response.getOutputStream().write(Baseline.BYTES);
    }
}
