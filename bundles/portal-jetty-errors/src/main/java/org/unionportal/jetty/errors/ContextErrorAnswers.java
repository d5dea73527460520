package org.unionportal.jetty.errors;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HandlerContainer;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.util.component.Container;

/**
 * Gives every servlet context Pax Web adds to the server an {@link EarlyProblemErrorPageHandler}: Pax Web makes each
 * context with a plain {@link ErrorPageErrorHandler} (HTML), and a context is there before the portal core registers
 * its error page into it. Inherited by the server's handlers (Jetty hands an inherited listener down to the
 * containers it manages), so it hears of each context as it is added. Only a plain one is replaced, before it has
 * error pages; Pax Web adds the error pages of whiteboard servlets to the replacement as it would have to its own.
 */
public class ContextErrorAnswers implements Container.InheritedListener {
    @Override
    public void beanAdded(Container parent, Object child) {
        if (child instanceof ServletContextHandler context) {
            replaceIn(context);
        } else if (child instanceof HandlerContainer handlers) {
            for (Handler h : handlers.getChildHandlersByClass(ServletContextHandler.class)) {
                replaceIn((ServletContextHandler) h);
            }
        }
    }

    static void replaceIn(ServletContextHandler context) {
        if (context.getErrorHandler() instanceof ErrorPageErrorHandler plain && plain.getClass() == ErrorPageErrorHandler.class
                && plain.getErrorPages().isEmpty()) {
            context.setErrorHandler(new EarlyProblemErrorPageHandler());
        }
    }

    @Override
    public void beanRemoved(Container parent, Object child) {
        // nothing to undo
    }
}
