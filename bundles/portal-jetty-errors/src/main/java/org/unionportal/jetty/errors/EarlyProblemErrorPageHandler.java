package org.unionportal.jetty.errors;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;

/**
 * A servlet context's error handler that answers problem+json where the context has no error page for a status:
 * put into every context Pax Web adds ({@link ContextErrorAnswers}), since a context is there before the portal core
 * registers its error page servlet into it (until then a path without a servlet is a 404 from Pax Web). Error pages,
 * the core's included, still come first: Pax Web adds them to this handler as it would to its own.
 */
public class EarlyProblemErrorPageHandler extends ErrorPageErrorHandler {
    public EarlyProblemErrorPageHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        EarlyAnswers.send(baseRequest, request, response, code);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        return EarlyAnswers.badMessage(status, fields);
    }
}
