package org.unionportal.core.internal.http;

import javax.servlet.http.HttpServletRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link ProblemErrorHandler} in as the error handler of the Jetty server a request came through, once per
 * server. Pax Web 8 offers no error-handler setting, and registering a Jetty {@code Handler} service makes it
 * rebuild its server (which fails on a started handler), so the server is taken from the first request the
 * portal's filter sees. Until then (the first moments after start) Jetty's own HTML answers malformed requests.
 */
final class JettyErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(JettyErrorAnswers.class);
    private static volatile Object installedOn;
    private static volatile boolean unavailable;

    private JettyErrorAnswers() {
    }

    static void installFor(HttpServletRequest request) {
        if (unavailable) {
            return;
        }
        try {
            Request base = Request.getBaseRequest(request);
            Server server = base == null || base.getHttpChannel() == null ? null : base.getHttpChannel().getServer();
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
        } catch (LinkageError | RuntimeException notJetty) {
            // another servlet container, or Jetty's classes not reachable: its own error pages stay
            unavailable = true;
            LOG.warn("Cannot replace the web server's error pages: {}", notJetty.toString());
        }
    }
}
