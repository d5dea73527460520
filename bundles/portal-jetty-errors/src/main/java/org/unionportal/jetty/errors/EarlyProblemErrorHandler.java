package org.unionportal.jetty.errors;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error answers as {@code application/problem+json} from the server's first request, instead of its HTML
 * page: the server's handler (set by this fragment's jetty.xml, before Jetty listens) for requests no context takes
 * and for what the HTTP parser refuses. Jetty listens some seconds before the portal core has started, and the core
 * then puts its own, fuller handler in. Its servlet contexts get {@link EarlyProblemErrorPageHandler}. No stack, no
 * servlet name, nothing of Jetty's.
 */
public class EarlyProblemErrorHandler extends ErrorHandler {
    public EarlyProblemErrorHandler() {
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
