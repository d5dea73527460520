package org.unionportal.core.internal.http;

import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link ProblemErrorHandler} in as the error handler of the Jetty server, once per server. Pax Web 8 offers
 * no error-handler setting, and registering a Jetty {@code Handler} service makes it rebuild its server (which
 * fails on a started handler), so the server is taken from the servlet context the portal's filter is started in
 * (at start, before any request) and, should that context not lead to it, from the first request the filter sees.
 * Until then (the moments between Jetty listening and the portal's filter starting) the portal-jetty-errors fragment's
 * handler answers, problem+json too, with shorter texts.
 */
final class JettyErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(JettyErrorAnswers.class);
    private static volatile Object installedOn;
    private static volatile boolean unavailable;

    private JettyErrorAnswers() {
    }

    /** At the filter's start: the server of the context (Pax Web wraps Jetty's context; its container context is Jetty's). */
    static void installFor(ServletContext context) {
        if (unavailable || context == null) {
            return;
        }
        try {
            ContextHandler handler = ContextHandler.getContextHandler(containerContext(context));
            install(handler == null ? null : handler.getServer());
        } catch (LinkageError | RuntimeException notJetty) {
            unavailable(notJetty);
        }
    }

    private static ServletContext containerContext(ServletContext context) {
        try {
            // Pax Web's OsgiServletContext / OsgiScopedServletContext: Jetty's own context is behind it
            Object inner = context.getClass().getMethod("getContainerServletContext").invoke(context);
            return inner instanceof ServletContext c ? c : context;
        } catch (ReflectiveOperationException | RuntimeException notPaxWeb) {
            return context;
        }
    }

    static void installFor(HttpServletRequest request) {
        if (unavailable || installedOn != null) {
            // once on a server, no request needs the look (a few percent of a small answer's time); a server Pax Web
            // makes anew starts the portal's filter again, whose init installs it there
            return;
        }
        try {
            Request base = Request.getBaseRequest(request);
            install(base == null || base.getHttpChannel() == null ? null : base.getHttpChannel().getServer());
        } catch (LinkageError | RuntimeException notJetty) {
            unavailable(notJetty);
        }
    }

    private static void install(Server server) {
        if (server == null || server == installedOn) {
            return;
        }
        synchronized (JettyErrorAnswers.class) {
            if (!(server.getErrorHandler() instanceof ProblemErrorHandler)) {
                server.setErrorHandler(new ProblemErrorHandler());
                // what the HTTP parser refuses is answered by the first error handler among the server's beans
                for (ErrorHandler other : server.getBeans(ErrorHandler.class)) {
                    if (!(other instanceof ProblemErrorHandler)) {
                        server.removeBean(other);
                    }
                }
                LOG.info("Jetty's error answers are problem+json from now on");
            }
            installedOn = server;
        }
    }

    private static void unavailable(Throwable notJetty) {
        // another servlet container, or Jetty's classes not reachable: its own error pages stay
        unavailable = true;
        LOG.warn("Cannot replace the web server's error pages: {}", notJetty.toString());
    }
}
